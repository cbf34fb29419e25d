using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Errors;
using Strata.Operations;

namespace Strata.Cli.Commands;

/// <summary><c>strata restore &lt;file&gt;</c>: a backup into a new database, or over the configured one with <c>--replace</c>.</summary>
internal static class RestoreCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var file = new Argument<string>("file") { Description = "A backup `strata backup` wrote (a .dump for PostgreSQL, a .sqlite for SQLite)." };
        var into = new Option<string?>("--into") { Description = "The new database to restore into (PostgreSQL: a database name on the same server; SQLite: a file); it must not exist. Default: <database>_restored_<time>." };
        var replace = new Option<bool>("--replace") { Description = "Replace the configured database with the backup (PostgreSQL: restored into a new database first, then swapped in; nobody may be connected). Asks for confirmation unless --yes." };
        var command = new Command("restore", "Restore a backup: into a new database by default, leaving the configured one untouched; over the configured database only with --replace. "
            + "On a protected environment it asks for confirmation (or --yes).")
        {
            file, into, replace,
        };
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var path = Path.GetFullPath(parse.GetValue(file)!, ctx.Host.WorkingDirectory);
            var options = new RestoreOptions { Into = parse.GetValue(into), Replace = parse.GetValue(replace) };
            if (options.Replace && options.Into is not null)
            {
                throw new StrataException(ErrorCategory.BadInput, "--into and --replace exclude each other", "--into restores into a new database; --replace restores over the configured one");
            }

            if (options.Into is { } name && ctx.Database.Dialect == Dialect.Sqlite)
            {
                options = options with { Into = Path.GetFullPath(name, ctx.Host.WorkingDirectory) };
            }

            var backup = BackupRuns.Create(ctx, BackupRuns.Settings(ctx));
            backup.CheckFile(path);
            var shown = RunRenderer.Relative(ctx, path);
            ctx.ConfirmOnProtected(
                options.Replace ? $"restore {shown} over {ctx.DatabaseDisplay}" : $"restore {shown} on the server of {ctx.DatabaseDisplay}",
                options.Replace
                    ? $"pass --yes to confirm: every change to {ctx.DatabaseDisplay} since the backup is lost; or leave out --replace to restore into a new database"
                    : $"pass --yes to confirm: the backup goes into a new database and {ctx.DatabaseDisplay} is left untouched");
            if (options.Replace && !ctx.Settings.Protected)
            {
                ConfirmReplace(ctx, shown);
            }

            var clock = Stopwatch.StartNew();
            var result = await backup.RestoreAsync(path, options, ct);
            BackupRenderer.Restore(ctx, path, result, clock.Elapsed);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void ConfirmReplace(CommandContext ctx, string file)
    {
        if (ctx.Yes)
        {
            return;
        }

        var database = ctx.DatabaseDisplay;
        if (!ctx.Host.InputIsInteractive)
        {
            throw new StrataException(ErrorCategory.BadInput, $"refused to replace {database} with {file}: every change since the backup is lost", "pass --yes to confirm, or restore into a new database (leave out --replace)");
        }

        ctx.Terminal.Err.Markup($"[yellow]--replace loses every change to {Markup.Escape(database)} since the backup.[/] Type 'replace' to go on: ");
        if (!string.Equals(ctx.Host.In.ReadLine()?.Trim(), "replace", StringComparison.Ordinal))
        {
            throw new StrataException(ErrorCategory.BadInput, "not confirmed; nothing was restored");
        }
    }
}
