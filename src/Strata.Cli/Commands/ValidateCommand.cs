using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Cli.Output.Json;

namespace Strata.Cli.Commands;

/// <summary><c>strata validate</c>: names, order, duplicates, encodings, checksums and missing files; changes nothing.</summary>
internal static class ValidateCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var outOfOrder = new Option<bool>("--allow-out-of-order") { Description = "Do not report pending migrations older than the newest applied one." };
        var offline = new Option<bool>("--offline") { Description = "Check the files only, without connecting, even when a database is configured (for CI without a server)." };
        var command = new Command("validate", "Check the migration files (names, order, duplicates, encodings, directives) and, when a database is configured, compare them with its history (edited, missing, unfinished, out-of-order). Changes nothing; exit 2 on any problem.")
        {
            outOfOrder, offline,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var migrations = await ctx.Source.LoadAsync(ctx.Dialect, ct);
            if (ctx.Settings.DeclaredEnvironments is { } declared && Planning.EnvironmentGates.Check(migrations, declared) is { Count: > 0 } gates)
            {
                throw new Errors.ValidationException(gates, $"fix the name in the file's -- strata:env header, or declare the environment under \"environments\" in {Path.GetFileName(ctx.Settings.ConfigFile)}");
            }

            string message;
            if (parse.GetValue(offline) || ctx.Settings.Database is null)
            {
                var why = parse.GetValue(offline) ? "Offline: no database contacted" : "No database is configured";
                message = $"{RunRenderer.Count(migrations.Count)} checked: names, order, duplicates, encodings and directives are valid. {why}, so checksums were not compared with a history.";
            }
            else
            {
                var status = await ctx.CreateMigrator(refuseMissing: true).ValidateAsync(parse.GetValue(outOfOrder), ct);
                var pending = status.Entries.Count(e => e.Status is Planning.MigrationStatusKind.Pending or Planning.MigrationStatusKind.Outdated);
                message = $"{RunRenderer.Count(migrations.Count)} valid against {ctx.DatabaseDisplay}: no edited, missing or unfinished migrations ({pending} pending).";
            }

            if (ctx.Terminal.Json)
            {
                ctx.Terminal.WriteJson(new MessageJson("validate", message), CliJsonContext.Default.MessageJson);
            }
            else
            {
                ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] " + Spectre.Console.Markup.Escape(message));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
