using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output.Lint;
using Strata.Errors;
using Strata.Lint;

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
        var measure = new Option<bool>("--measure") { Description = MeasureHelp };
        var against = new Option<string?>("--against") { Description = AgainstHelp, HelpName = "url-or-environment" };
        var copyOf = new Option<string?>("--copy-of") { Description = CopyOfHelp, HelpName = "url-or-environment" };
        var since = new Option<string?>("--since") { Description = SinceHelp, HelpName = "git-ref" };
        var command = new Command("lint", Help)
        {
            files,
            format,
            output,
            offline,
            measure,
            against,
            copyOf,
            since,
        };
        var fleet = new FleetCli();
        fleet.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            if (fleet.Requested(parse))
            {
                var extra = new[] { (parse.GetValue(files) is { Length: > 0 }, "file arguments"), (parse.GetValue(offline), "--offline"), (parse.GetValue(measure), "--measure"),
                    (parse.GetValue(against) is not null, "--against"), (parse.GetValue(copyOf) is not null, "--copy-of"), (parse.GetValue(since) is not null, "--since"), (parse.GetValue(output) is not null, "--output") }
                    .FirstOrDefault(x => x.Item1).Item2;
                return extra is null
                    ? await fleet.RunAsync(ctx, "lint", new Operations.FleetOptions(), ct, new Linter(MigrationLint.Options(ctx.Settings)))
                    : throw new ConfigurationException($"{extra} cannot be combined with --targets: lint --targets lints what is still to run on each target", $"leave out {extra}, or lint one database without --targets");
            }

            var arguments = new LintArguments(parse.GetValue(files) ?? [], parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(offline), parse.GetValue(measure), parse.GetValue(against))
            {
                Since = parse.GetValue(since),
                CopyOf = parse.GetValue(copyOf),
            };
            return await RunAsync(ctx, arguments, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandContext ctx, LintArguments arguments, CancellationToken ct)
    {
        var request = new LintRequest(ctx.Source, ctx.Settings, ctx.Host.WorkingDirectory)
        {
            Files = arguments.Files,
            Offline = arguments.Offline,
            Since = arguments.Since,
            History = () => ctx.CreateMigrator(),
            MeasureOption = arguments.Measuring ? arguments.MeasureFlag : null,
            DatabaseDisplay = ctx.Settings.Database is { } database ? ctx.Display(database) : null,
        };
        var run = await MigrationLint.RunAsync(request, ct);
        if (run.Measure is { } named)
        {
            return Report(ctx, arguments, await MeasureAsync(ctx, named, arguments.Against, arguments.CopyOf, ct));
        }

        if (run.NoHistory)
        {
            // Never created by a lint; named, so a mistyped path shows.
            ctx.Terminal.Note($"note: {Spectre.Console.Markup.Escape(ctx.DatabaseDisplay)} does not exist (yet), so it has no history: every file was linted, as with --offline");
        }

        var code = Report(ctx, arguments, LintResult.Static(run.Report!));
        return run.NotMeasured is { } refused ? throw refused : code;
    }

    /// <summary>
    /// <c>--measure</c>, <c>--against</c>, <c>--copy-of</c>: the option's database resolved (a URL or an environment of
    /// strata.json, which then judges what is pending), then the library's measured lint (which refuses a database
    /// whose dialect cannot measure).
    /// </summary>
    private static async Task<LintResult> MeasureAsync(CommandContext ctx, IReadOnlyList<Sources.Migration> named, string? againstValue, string? copyOfValue, CancellationToken ct)
    {
        if (againstValue is not null && copyOfValue is not null)
        {
            throw new ConfigurationException(
                "--against and --copy-of cannot be combined: --copy-of measures on a copy of its database, and weighs by that database's sizes",
                "name one database: --copy-of <staging> to measure with its data, or --against <production> to weigh by its catalog statistics");
        }

        var (option, value) = copyOfValue is not null ? ("--copy-of", copyOfValue) : ("--against", againstValue);
        string? environment = null;
        var against = value is null ? null : ctx.ResolveOther(value, option, out environment);
        var request = new MeasuredLintRequest(() => Workspaces.Open(ctx), ctx.CreateDialect(against ?? ctx.Database), ctx.Source, ctx.Settings, ctx.Host.WorkingDirectory)
        {
            Named = named,
            Migrator = ctx.MigratorOptions,
            Environment = environment ?? ctx.Settings.Environment,
            Against = against,
            OnCopy = copyOfValue is not null,
            DatabaseDisplay = ctx.DatabaseDisplay,
            Progress = text => ctx.Terminal.Note(Spectre.Console.Markup.Escape(text)),
        };
        return await MeasuredLint.RunAsync(request, ct);
    }

    private const string Help =
        "Check migrations for statements that lose data, fail, or block traffic, and for file-name and convention problems. "
        + "Each finding names file:line:column, the rule, why it matters and the safe alternative. "
        + "Silence one rule for one statement with a comment before it: -- strata:lint-ignore <rule-id> <reason> "
        + "(-- strata:lint-ignore-file <rule-id> for a whole file); change severities in strata.json: \"lint\": { \"rules\": { \"missing-down\": \"off\" } }. "
        + "With a database configured, only migrations still to run are linted, and edited applied files and out-of-order versions are reported too "
        + "(--offline: files only). With --measure (PostgreSQL) each pending migration also runs on a scratch database and its real "
        + "locks, rewrites and schema changes are reported; --against <url-or-environment> measures what is pending there and "
        + "weighs findings by its table sizes (strata.json lint.small and lint.large). Exit 3 when errors remain, 0 otherwise.";

    private const string SinceHelp =
        "Lint the migrations added since this git revision (a branch, tag or commit, e.g. origin/main) as one release: what the "
        + "folder held at that revision is the previous release, which the running application uses; tables and columns the "
        + "new migrations create are new, so changing or dropping them is not flagged, while changes to what the previous "
        + "release has are. Without it, the previous release is what the database has applied (or, offline, each migration is its own).";

    private const string MeasureHelp =
        "PostgreSQL: run each pending migration on a scratch database (on the configured server, emptied "
        + "after use; or the dev database) holding the schema before it, inside a transaction that is rolled back, and report what PostgreSQL did: "
        + "the locks held at the end (pg_locks), the tables and indexes rewritten (new relfilenode) and the schema changes, "
        + "as findings measured-rewrite, measured-access-exclusive, measured-blocks-writes, measured-drop and migration-failed. "
        + "A -- strata:no-transaction migration runs for real there (its locks cannot be observed). The configured database is only read.";

    private const string AgainstHelp =
        "Measure (implies --measure) the migrations pending on this database, a postgres:// URL or the name of an environment in "
        + "strata.json, and weigh the findings about rewrites and scans under lock by its table sizes: below lint.small "
        + "(default 10,000 rows and 10MB) a note, from lint.large (default 1,000,000 rows or 1GB) an error, a warning between. "
        + "Only its catalogs are read (a replica works); the scratch database is still made on the configured server.";

    private const string CopyOfHelp =
        "Measure (implies --measure) with real data: copy this database (a postgres:// URL or an environment of strata.json; a "
        + "staging clone or a dev database holding a sample, which nobody else may be connected to) with CREATE DATABASE … TEMPLATE "
        + "on its server, run what is pending there on the copy and commit it, and report how long each statement ran and each "
        + "lock was held; findings are weighed by its table sizes as with --against. The copy is dropped afterwards; the database is only read.";

    private static int Report(CommandContext ctx, LintArguments arguments, LintResult result)
    {
        var report = result.Report;
        var machine = arguments.Format == "sarif" ? SarifWriter.Write(result, PrintVersionAction.Version, new SarifLocations(ctx.Host.WorkingDirectory))
            : arguments.Format == "json" || ctx.Terminal.Json ? LintJsonWriter.Write(result)
            : null;
        if (machine is null)
        {
            LintTextRenderer.Render(ctx.Terminal, result);
        }
        else if (arguments.Output is { } output)
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

    /// <summary>What the command line asked for.</summary>
    private sealed record LintArguments(string[] Files, string Format, string? Output, bool Offline, bool Measure, string? Against)
    {
        /// <summary><c>--since &lt;ref&gt;</c>: the git revision of the previous release, or null.</summary>
        public string? Since { get; init; }

        /// <summary><c>--copy-of</c>: the database to measure on a copy of, or null.</summary>
        public string? CopyOf { get; init; }

        public bool Measuring => Measure || Against is not null || CopyOf is not null;

        /// <summary>The option that asked for measuring, for messages.</summary>
        public string MeasureFlag => CopyOf is not null ? "--copy-of" : Against is not null ? "--against" : "--measure";
    }
}
