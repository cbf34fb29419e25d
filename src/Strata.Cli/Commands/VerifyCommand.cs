using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Schema;
using Strata.Sources;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata verify</c>: on a scratch database, every versioned migration in order goes up, down and up again, and
/// the schema after its down must equal the schema before its up. Then the repeatables, and schema.sql if present.
/// </summary>
internal static class VerifyCommand
{
    private const string Help =
        "Prove that every down script undoes its up: on an empty scratch database (on the same "
        + "PostgreSQL server or the dev database; a temporary SQLite file), each migration in order is applied, rolled back and applied again, "
        + "and the schema after the rollback must equal the schema before the migration. Then the repeatable migrations "
        + "are applied, and the final schema must equal schema.sql when there is one. The configured database is never "
        + "changed. Exit 3 at the first migration whose down does not restore the schema (the difference is printed), "
        + "0 when all round trips hold. Migrations without a down script are reported and skipped.";

    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var command = new Command("verify", Help);
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            await using var workspace = Workspaces.Open(ctx);
            var settings = ctx.Settings;
            var desired = SchemaFiles.Exists(settings.SchemaPath) ? Workspaces.Files(ctx, settings.SchemaPath) : null;
            var result = await workspace.VerifyAsync(ctx.Source, desired, migration => Line(ctx, migration), ct);
            return Render(ctx, result);
        });
        return command;
    }

    private static void Line(CommandContext ctx, VerifiedMigration verified) => ctx.Terminal.Line(verified.UpOnly
        ? $"  [yellow]-[/] {Markup.Escape(verified.Migration.DisplayName)}  no down script: up only"
        : $"  [green]{ctx.Terminal.Tick}[/] {Markup.Escape(verified.Migration.DisplayName)}  up, down, up: schema restored");

    private static int Render(CommandContext ctx, VerifyResult result)
    {
        if (result.Failure is { } failure)
        {
            return Fail(ctx, failure.Migration, failure.Kind == VerifyFailureKind.DownDoesNotRestore
                ? "its down script does not restore the schema it started from; what is left over, as the SQL that would restore it:"
                : "applied again after its down, it gives a different schema than the first time:", failure.Difference);
        }

        if (result.Drift is { } drift)
        {
            ctx.Terminal.RawError($"error: the migrations do not produce {ctx.Settings.SchemaPath}; the SQL that would close the gap:");
            ctx.Terminal.RawError(drift.ToScript().TrimEnd('\n'));
            ctx.Terminal.RawError("hint: run strata generate <slug> to write the missing migration");
            return ExitCodes.CheckFailed;
        }

        var skipped = result.Verified.Count(v => v.UpOnly);
        var checkedCount = result.Total - skipped;
        ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] {checkedCount} of {result.Total} migrations verified (up, down, up)"
            + (skipped > 0 ? $", {skipped} without a down script applied up only" : "")
            + "; repeatables applied" + (result.ComparedWithSchemaFiles ? "; the result equals the schema file" : "") + ".");
        return ExitCodes.Success;
    }

    private static int Fail(CommandContext ctx, Migration migration, string what, SchemaDiff difference)
    {
        ctx.Terminal.RawError($"error: {migration.SourcePath} ({migration.DisplayName}): {what}");
        foreach (var change in difference.Changes)
        {
            ctx.Terminal.RawError("  - " + change.Summary);
        }

        ctx.Terminal.RawError(difference.ToScript().TrimEnd('\n'));
        ctx.Terminal.RawError("hint: fix the down section so it undoes exactly what the up section does, then run strata verify again");
        return ExitCodes.CheckFailed;
    }
}
