using System.CommandLine;
using System.Globalization;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Errors;
using Strata.Planning;

namespace Strata.Cli.Commands;

/// <summary>
/// <c>strata rollback [N]</c>: run down scripts for the last batch, the last N (positional, as the custom runners'
/// <c>--rollback 2</c>, or <c>--steps N</c>), everything above a version (<c>--to V</c>) or everything (<c>--all</c>).
/// </summary>
internal static class RollbackCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var count = new Argument<string?>("N")
        {
            Description = "Roll back the last N applied migrations (the same as --steps N).",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "N",
        };
        var steps = new Option<int?>("--steps", "-n") { Description = "Roll back the last N applied migrations instead of the last batch.", HelpName = "N" };
        var to = VersionArguments.Create("--to", "Roll back every migration newer than this version; it stays applied (0: all, unless a migration has version 0).");
        var all = new Option<bool>("--all") { Description = "Roll back every applied migration, newest first." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the down scripts that would run; change nothing." };
        var command = new Command("rollback", "Revert the last batch (default), the last N migrations (rollback N or --steps N), down to a version (--to V) or everything (--all), newest first. Refuses before doing anything if a needed down script is missing.")
        {
            count, steps, to, all, dryRun,
        };
        var fleet = new FleetCli();
        fleet.AddTo(command);
        command.Aliases.Add("down");
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var options = Options(parse.GetValue(count), parse.GetValue(steps), parse.GetValue(to), parse.GetValue(all));
            if (fleet.Requested(parse))
            {
                if (parse.GetValue(dryRun))
                {
                    throw new StrataException(ErrorCategory.BadInput, "--dry-run cannot be combined with --targets", "dry-run one database: strata rollback --dry-run --database <url>");
                }

                ctx.ConfirmOnProtected("roll back migrations on every target");
                return await fleet.RunAsync(ctx, "rollback", new Operations.FleetOptions { Rollback = options }, ct);
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

    private static RollbackOptions Options(string? count, int? steps, long? to, bool all)
    {
        var positional = count is null ? (int?)null : Count(count);
        var chosen = new[] { positional is null ? null : "N", steps is null ? null : "--steps", to is null ? null : "--to", all ? "--all" : null }.OfType<string>().ToList();
        if (chosen.Count > 1)
        {
            throw new StrataException(ErrorCategory.BadInput, $"{string.Join(" and ", chosen)} cannot be combined", "use one of them: rollback N, --steps N, --to V or --all");
        }

        return new RollbackOptions { Steps = all ? int.MaxValue : positional ?? steps, ToVersion = to };
    }

    /// <summary>A count: 1 to 6 digits without a leading zero. Anything else looks like a version, which `--to` takes.</summary>
    private static int Count(string text)
    {
        var t = text.Trim();
        if (t.Length is > 0 and <= 6 && t[0] != '0' && t.All(char.IsAsciiDigit))
        {
            return int.Parse(t, CultureInfo.InvariantCulture);
        }

        var reference = t.Length > 0 && char.IsAsciiDigit(t[0]) ? $"to roll back everything newer than version {t}, use `strata rollback --to {t}`; " : "";
        throw new StrataException(
            ErrorCategory.BadInput,
            $"rollback takes a count of migrations (e.g. `strata rollback 2`), not '{text}'",
            reference + "`strata rollback --all` rolls back everything");
    }
}
