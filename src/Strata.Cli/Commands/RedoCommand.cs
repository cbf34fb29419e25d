using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Errors;
using Strata.Execution;
using Strata.Planning;

namespace Strata.Cli.Commands;

/// <summary><c>strata redo</c>: roll back the last migration and migrate again (development loop).</summary>
internal static class RedoCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var command = new Command("redo", "Roll back the last applied migration, then migrate again: the edit-and-retry loop of development. Refused on protected environments.");
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            if (ctx.Settings.Protected)
            {
                throw new StrataException(
                    ErrorCategory.BadInput,
                    $"redo is a development command; environment '{ctx.Settings.Environment}' is protected",
                    "use `strata rollback --steps 1` and `strata migrate` deliberately");
            }

            RunRenderer.Header(ctx, "Redoing the last migration on");
            using var observer = new ProgressObserver(ctx.Terminal);
            var down = await ctx.CreateMigrator(observer).RollbackAsync(new RollbackOptions { Steps = 1 }, ct);
            if (!ctx.Terminal.Json)
            {
                RunRenderer.Result(ctx, "rollback", down, "Rolled back");
            }

            var up = await ctx.CreateMigrator(observer).MigrateAsync(new MigrateOptions(), ct);
            var result = ctx.Terminal.Json ? new MigrationResult([.. down.Steps, .. up.Steps], down.Duration + up.Duration, up.Batch) { Batches = [.. down.Batches.Union(up.Batches).Order()] } : up;
            RunRenderer.Result(ctx, ctx.Terminal.Json ? "redo" : "migrate", result, "Applied");
            return ExitCodes.Success;
        });
        return command;
    }
}
