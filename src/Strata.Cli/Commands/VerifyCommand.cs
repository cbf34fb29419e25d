using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Execution;
using Strata.Planning;
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
            await using var engine = Workspaces.Open(ctx);
            var settings = ctx.Settings;
            var migrations = (await ctx.Source.LoadAsync(ctx.Flavor, ct))
                .Where(m => m.Version is not null && m.AppliesTo(ctx.GateEnvironment))
                .OrderBy(m => m.Version)
                .ToList();
            var desired = SchemaFiles.Exists(settings.SchemaPath) ? await engine.ReadFilesAsync(Workspaces.Files(ctx, settings.SchemaPath), ct) : null;
            var code = ExitCodes.Success;
            await engine.UseScratchAsync(
                async scratch =>
                {
                    var migrator = new Migrator(scratch.Provider, ctx.Source, ctx.MigratorOptions);
                    code = await VerifyAsync(ctx, engine, scratch, migrator, migrations, desired, ct);
                },
                ct);
            return code;
        });
        return command;
    }

    private static async Task<int> VerifyAsync(
        CommandContext ctx, SchemaWorkspace engine, IScratchDatabase scratch, Migrator migrator, List<Migration> migrations, DatabaseSchema? desired, CancellationToken ct)
    {
        var skipped = 0;
        DatabaseSchema? current = null;
        foreach (var migration in migrations)
        {
            var before = current ?? await scratch.ReadAsync(engine.HistoryFilter, ct);
            await RunAsync(engine, "up", () => migrator.MigrateAsync(new MigrateOptions { Target = migration.Version }, ct));
            var after = current = await scratch.ReadAsync(engine.HistoryFilter, ct);
            if (migration.Down is null)
            {
                skipped++;
                ctx.Terminal.Line($"  [yellow]-[/] {Markup.Escape(migration.DisplayName)}  no down script: up only");
                continue;
            }

            await RunAsync(engine, "down", () => migrator.RollbackAsync(new RollbackOptions { Steps = 1 }, ct));
            var back = engine.Compare(await scratch.ReadAsync(engine.HistoryFilter, ct), before).Changes;
            if (!back.IsEmpty)
            {
                return Fail(ctx, migration, "its down script does not restore the schema it started from; what is left over, as the SQL that would restore it:", back);
            }

            await RunAsync(engine, "up", () => migrator.MigrateAsync(new MigrateOptions { Target = migration.Version }, ct));
            current = await scratch.ReadAsync(engine.HistoryFilter, ct);
            var again = engine.Compare(current, after).Changes;
            if (!again.IsEmpty)
            {
                return Fail(ctx, migration, "applied again after its down, it gives a different schema than the first time:", again);
            }

            ctx.Terminal.Line($"  [green]{ctx.Terminal.Tick}[/] {Markup.Escape(migration.DisplayName)}  up, down, up: schema restored");
        }

        await RunAsync(engine, "up", () => migrator.MigrateAsync(null, ct));
        var final = await scratch.ReadAsync(engine.HistoryFilter, ct);
        if (desired is not null)
        {
            var drift = engine.Compare(final, desired).Changes;
            if (!drift.IsEmpty)
            {
                ctx.Terminal.RawError($"error: the migrations do not produce {ctx.Settings.SchemaPath}; the SQL that would close the gap:");
                ctx.Terminal.RawError(drift.ToScript().TrimEnd('\n'));
                ctx.Terminal.RawError("hint: run strata generate <slug> to write the missing migration");
                return ExitCodes.CheckFailed;
            }
        }

        var checkedCount = migrations.Count - skipped;
        ctx.Terminal.Line($"[green]{ctx.Terminal.Tick}[/] {checkedCount} of {migrations.Count} migrations verified (up, down, up)"
            + (skipped > 0 ? $", {skipped} without a down script applied up only" : "")
            + "; repeatables applied" + (desired is null ? "" : "; the result equals the schema file") + ".");
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

    /// <summary>Runs a migrate or rollback on the scratch database, timed; a failure there is the migration's failure (exit 4).</summary>
    private static Task<MigrationResult> RunAsync(SchemaWorkspace engine, string step, Func<Task<MigrationResult>> run) => engine.Timings.TimeAsync(step, run);
}
