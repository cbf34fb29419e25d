using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Planning;

namespace Strata.Cli.Commands;

/// <summary><c>strata migrate</c> (aliases <c>up</c>, <c>latest</c>): apply pending migrations as one batch.</summary>
internal static class MigrateCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var target = VersionArguments.Create("--target", "Apply pending migrations up to and including this version (repeatables wait for a full run). Also --to, as rollback spells it.");
        target.Aliases.Add("--to");
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and the exact SQL that would run (with the history writes); change nothing." };
        var outOfOrder = new Option<bool>("--allow-out-of-order") { Description = "Apply pending migrations older than the newest applied one instead of refusing." };
        var ignoreMissing = new Option<bool>("--ignore-missing") { Description = "Go on although files of applied migrations are gone." };
        var offline = new Option<bool>("--offline") { Description = "With --dry-run: check the files and print the plan an empty database would get, without connecting (for CI without a server)." };
        var backup = new Option<bool>("--backup") { Description = "Back the database up first (as `strata backup` does) when anything is pending; if the run fails, the error names the backup and the `strata restore` command that puts it back." };
        var command = new Command("migrate", "Apply pending migrations in version order as one batch, then changed repeatables (R__*.sql).")
        {
            target, dryRun, outOfOrder, ignoreMissing, offline, backup,
        };
        var fleet = new FleetCli();
        fleet.AddTo(command);
        command.Aliases.Add("up");
        command.Aliases.Add("latest");
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var options = new MigrateOptions
            {
                Target = parse.GetValue(target),
                AllowOutOfOrder = parse.GetValue(outOfOrder),
                IgnoreMissing = parse.GetValue(ignoreMissing),
            };
            if (fleet.Requested(parse))
            {
                return await fleet.RunAsync(ctx, "migrate", new Operations.FleetOptions { Migrate = options }, ct);
            }

            if (parse.GetValue(offline))
            {
                if (!parse.GetValue(dryRun))
                {
                    throw new Errors.StrataException(Errors.ErrorCategory.BadInput, "--offline only previews: migrating needs the database", "add --dry-run to check the files and see the plan without a database");
                }

                RunRenderer.Plan(ctx, "migrate", await OfflinePlan.MigrateAsync(ctx, options, ct), offline: true);
                return ExitCodes.Success;
            }

            if (parse.GetValue(dryRun))
            {
                var migrator = ctx.CreateMigrator();
                if (ctx.Database is { Dialect: Dialect.Sqlite } sqlite && sqlite.ConnectionString != ":memory:" && !File.Exists(sqlite.ConnectionString))
                {
                    ctx.Terminal.Note($"note: {Spectre.Console.Markup.Escape(ctx.DatabaseDisplay)} does not exist yet: planned as for an empty database (`strata migrate` creates it; the dry run did not)");
                }

                RunRenderer.Plan(ctx, "migrate", await migrator.PlanAsync(options, ct));
                return ExitCodes.Success;
            }

            var taken = parse.GetValue(backup) ? await BackupFirstAsync(ctx, options, ct) : null;
            RunRenderer.Header(ctx, "Migrating");
            using var observer = new ProgressObserver(ctx.Terminal);
            Execution.MigrationResult result;
            try
            {
                result = await ctx.CreateMigrator(observer).MigrateAsync(options, ct);
            }
            catch (Exception e) when (taken is not null && e is Errors.StrataException or OperationCanceledException)
            {
                e.Data[BackupRenderer.FailureKey] = taken;
                throw;
            }

            RunRenderer.Result(ctx, "migrate", result, "Applied", taken);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The backup of <c>--backup</c>: taken when the plan has anything to run and the database exists.</summary>
    private static async Task<Output.Json.BackupJson?> BackupFirstAsync(CommandContext ctx, MigrateOptions options, CancellationToken ct)
    {
        if (ctx.Database is { Dialect: Dialect.Sqlite } sqlite && !File.Exists(Path.GetFullPath(sqlite.ConnectionString, ctx.Host.WorkingDirectory)))
        {
            ctx.Terminal.Note($"note: {Spectre.Console.Markup.Escape(ctx.DatabaseDisplay)} does not exist yet: nothing to back up");
            return null;
        }

        if ((await ctx.CreateMigrator().PlanAsync(options, ct)).IsEmpty)
        {
            return null;
        }

        var result = await BackupRuns.TakeAsync(ctx, ct);
        if (!ctx.Terminal.Json)
        {
            BackupRenderer.Backup(ctx, result);
        }

        return BackupRenderer.ToJson(ctx, result);
    }
}
