using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary><c>strata repair</c>: accept the new checksums of edited applied files, with an audit row each.</summary>
internal static class RepairCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var command = new Command("repair", "Accept the current checksum of applied migration files that were edited (e.g. a comment fixed), writing an audit row with old and new checksum. Schema changes belong in a new migration instead.");
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            ctx.ConfirmOnProtected("accept edited migration files");
            var edits = await ctx.CreateMigrator().RepairAsync(ct);
            EditRenderer.Render(ctx, "repair", edits, "nothing to repair: every applied file matches its checksum");
            return ExitCodes.Success;
        });
        return command;
    }
}
