using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Planning;

namespace Strata.Cli.Commands;

/// <summary><c>strata rollback</c>: run down scripts for the last batch, the last N, or everything above a version.</summary>
internal static class RollbackCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var steps = new Option<int?>("--steps", "-n") { Description = "Roll back the last N applied migrations instead of the last batch.", HelpName = "N" };
        var to = VersionArguments.Create("--to", "Roll back every migration newer than this version (0: all).");
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the down scripts that would run; change nothing." };
        var command = new Command("rollback", "Revert the last batch (default), the last N migrations (--steps), or down to a version (--to), newest first. Refuses before doing anything if a needed down script is missing.")
        {
            steps, to, dryRun,
        };
        command.Aliases.Add("down");
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var options = new RollbackOptions { Steps = parse.GetValue(steps), ToVersion = parse.GetValue(to) };
            if (options.Steps is not null && options.ToVersion is not null)
            {
                throw new Errors.StrataException(Errors.ErrorCategory.BadInput, "--steps and --to cannot be combined", "use one of them");
            }

            if (parse.GetValue(dryRun))
            {
                RunRenderer.Plan(ctx, "rollback", await ctx.CreateMigrator().PlanRollbackAsync(options, ct));
                return ExitCodes.Success;
            }

            ctx.ConfirmOnProtected("roll back migrations");
            RunRenderer.Header(ctx, "Rolling back");
            using var observer = new ProgressObserver(ctx.Terminal);
            var result = await ctx.CreateMigrator(observer).RollbackAsync(options, ct);
            RunRenderer.Result(ctx, "rollback", result, "Rolled back");
            return ExitCodes.Success;
        });
        return command;
    }
}
