using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata status</c>: applied, pending, changed and missing migrations; exit 3 when not clean (a CI gate).</summary>
internal static class StatusCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var command = new Command("status", "Show each migration as applied, pending, changed, missing, unfinished or skipped. Exits 3 when anything is pending or out of sync, so CI can gate on it. Reads only.");
        var fleet = new FleetCli();
        fleet.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            if (fleet.Requested(parse))
            {
                return await fleet.RunAsync(ctx, "status", new Operations.FleetOptions(), ct);
            }

            var report = await ctx.CreateMigrator(refuseMissing: true).GetStatusAsync(ct);
            StatusRenderer.Render(ctx, report);
            return report.IsClean ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }
}
