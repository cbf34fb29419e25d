using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Lint;
using Strata.Errors;
using Strata.Lint;
using Strata.Sources;

namespace Strata.Cli.Commands;

/// <summary><c>strata lint [files]</c>: the safety and convention rules over the migrations' up scripts; exit 3 on errors.</summary>
internal static class LintCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var files = new Argument<string[]>("files") { Description = "Migration files to lint (default: every migration in the folder).", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "Output: text (default), json (same as --json) or sarif (SARIF 2.1.0 for code scanning).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the json or sarif report to this file instead of stdout." };
        var offline = new Option<bool>("--offline") { Description = "Do not read the database's history: lint every file, skip the edited-applied and out-of-order checks." };
        var command = new Command("lint", Help)
        {
            files,
            format,
            output,
            offline,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var settings = ctx.Settings;
            IReadOnlyList<Migration> migrations;
            try
            {
                migrations = Select(await ctx.Source.LoadAsync(ctx.Flavor, ct), parse.GetValue(files) ?? [], ctx.Host.WorkingDirectory, settings.MigrationsPath);
            }
            catch (MigrationSourceException e)
            {
                return Report(ctx, parse.GetValue(format)!, parse.GetValue(output), FileProblems(e));
            }

            var linter = new Linter(new LintOptions
            {
                Flavor = ctx.Flavor,
                EngineLockTimeout = settings.StatementLockTimeout is { } t && t > TimeSpan.Zero,
                Severities = LintSettings.Severities(settings.Lint, settings.ConfigFile),
            });
            var named = parse.GetValue(files) is { Length: > 0 };
            var report = named || parse.GetValue(offline) || !HasHistory(ctx)
                ? linter.Lint(migrations)
                : linter.Lint(await ctx.CreateMigrator().GetStatusAsync(ct));
            return Report(ctx, parse.GetValue(format)!, parse.GetValue(output), report);
        });
        return command;
    }

    /// <summary>
    /// True when a database is configured that may hold a history: an SQLite file that does not exist yet has none
    /// (and lint must not create it).
    /// </summary>
    private static bool HasHistory(CommandContext ctx) =>
        ctx.Settings.Database is { } database
        && (database.Kind != Configuration.DatabaseKind.Sqlite || database.ConnectionString == ":memory:" || File.Exists(Path.Combine(ctx.Host.WorkingDirectory, database.ConnectionString)));

    private const string Help =
        "Check migrations for statements that lose data, fail, or block traffic, and for file-name and convention problems. "
        + "Each finding names file:line:column, the rule, why it matters and the safe alternative. "
        + "Silence one rule for one statement with a comment before it: -- strata:lint-ignore <rule-id> <reason> "
        + "(-- strata:lint-ignore-file <rule-id> for a whole file); change severities in strata.json: \"lint\": { \"rules\": { \"missing-down\": \"off\" } }. "
        + "With a database configured, only migrations still to run are linted, and edited applied files and out-of-order versions are reported too "
        + "(--offline: files only). Exit 3 when errors remain, 0 otherwise.";

    private static int Report(CommandContext ctx, string format, string? output, LintReport report)
    {
        var machine = format == "sarif" ? SarifWriter.Write(report, PrintVersionAction.Version, f => f.Replace('\\', '/'))
            : format == "json" || ctx.Terminal.Json ? LintJsonWriter.Write(report)
            : null;
        if (machine is null)
        {
            LintTextRenderer.Render(ctx.Terminal, report);
        }
        else if (output is not null)
        {
            File.WriteAllText(Path.Combine(ctx.Host.WorkingDirectory, output), machine + Environment.NewLine);
            ctx.Terminal.Note($"wrote {Spectre.Console.Markup.Escape(output)}: {report.Errors} errors, {report.Warnings} warnings, {report.Notes} notes");
        }
        else
        {
            ctx.Terminal.Machine(machine);
        }

        return report.Errors > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
    }

    /// <summary>Keeps the migrations named on the command line; a name that is not a migration of the folder is bad input.</summary>
    private static IReadOnlyList<Migration> Select(IReadOnlyList<Migration> all, string[] files, string workingDirectory, string folder)
    {
        if (files.Length == 0)
        {
            return all;
        }

        string Full(string path) => Path.GetFullPath(Path.Combine(workingDirectory, path));
        var byPath = all.ToDictionary(m => Full(m.SourcePath), StringComparer.Ordinal);
        var chosen = new List<Migration>();
        foreach (var file in files)
        {
            if (!byPath.TryGetValue(Full(file), out var migration))
            {
                throw new ConfigurationException(
                    $"{file} is not a migration in {folder}",
                    "name files of the migrations folder (e.g. from `git diff --name-only`), or set the folder with --migrations");
            }

            chosen.Add(migration);
        }

        return chosen;
    }

    /// <summary>Unusable files (names, duplicates, encodings) as file-name findings, so lint reports them like the rest.</summary>
    private static LintReport FileProblems(MigrationSourceException e)
    {
        var findings = e.Problems.Select(p =>
        {
            var (file, line) = SplitLocation(p.Location);
            return new LintFinding(LintRules.FileName, LintSeverity.Error, file, line, line > 0 ? 1 : 0, p.Message, "");
        }).ToList();
        return new LintReport(findings.Select(f => f.File).Distinct(StringComparer.Ordinal).Count(), findings, 0);
    }

    /// <summary>Splits <c>file</c>, <c>file:line</c> or <c>file:line:column</c>.</summary>
    private static (string File, int Line) SplitLocation(string location)
    {
        var match = System.Text.RegularExpressions.Regex.Match(location, @"^(?<file>.+?):(?<line>\d+)(?::\d+)?$");
        return match.Success ? (match.Groups["file"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)) : (location, 0);
    }
}
