using System.CommandLine;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Errors;
using Strata.Planning;

namespace Strata.Cli.Commands;

/// <summary><c>strata reset</c>: drop everything in the database and migrate from scratch (development only).</summary>
internal static class ResetCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var command = new Command("reset", "Drop everything in the configured database (PostgreSQL: every schema with its tables, data and functions; SQLite: the file) and apply every migration from scratch. "
            + "For development databases: refused on protected environments, and asks for the database's name unless --yes is given (without a terminal, --yes is required).");
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            if (ctx.Settings.Protected)
            {
                throw new StrataException(
                    ErrorCategory.BadInput,
                    $"reset drops every object and row; environment '{ctx.Settings.Environment}' is protected, so it is refused (even with --yes)",
                    "reset a development database instead (--env), or roll back deliberately with `strata rollback`");
            }

            Confirm(ctx);
            RunRenderer.Header(ctx, "Resetting");
            await Workspaces.WipeAsync(ctx, ct);
            using var observer = new ProgressObserver(ctx.Terminal);
            var result = await ctx.CreateMigrator(observer).MigrateAsync(new MigrateOptions(), ct);
            RunRenderer.Result(ctx, "reset", result, "Applied");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Confirm(CommandContext ctx)
    {
        if (ctx.Yes)
        {
            return;
        }

        var database = ctx.DatabaseDisplay;
        if (!ctx.Host.InputIsInteractive)
        {
            throw new StrataException(ErrorCategory.BadInput, $"refused to reset {database}: it drops every object and row", "pass --yes to confirm");
        }

        ctx.Terminal.Err.Markup($"[yellow]reset drops every object and row in {Markup.Escape(database)}.[/] Type 'reset' to go on: ");
        if (!string.Equals(ctx.Host.In.ReadLine()?.Trim(), "reset", StringComparison.Ordinal))
        {
            throw new StrataException(ErrorCategory.BadInput, "not confirmed; nothing was reset");
        }
    }
}
