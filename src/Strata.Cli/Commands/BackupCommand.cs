using System.CommandLine;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Cli.Output.Json;

namespace Strata.Cli.Commands;

/// <summary><c>strata backup</c>: a consistent copy of the configured database in the backup folder.</summary>
internal static class BackupCommand
{
    public static Command Create(Func<ParseResult, CommandContext> context)
    {
        var command = new Command("backup", "Back the configured database up into the backup folder (strata.json backup.folder, default backups/), "
            + "named by database, UTC time and head version (shop-20261206T031500Z-v42.dump), keeping the newest backup.keep (default 10) of each database. "
            + "PostgreSQL: pg_dump -Fc, whose major version must be at least the server's (STRATA_PG_BIN or backup.postgresBin picks the folder); SQLite: the online backup API. "
            + "The database stays usable while it runs; `strata restore <file>` puts it back.");
        command.SetAction(async (parse, ct) =>
        {
            var ctx = context(parse);
            var result = await BackupRuns.TakeAsync(ctx, ct);
            if (ctx.Terminal.Json)
            {
                ctx.Terminal.WriteJson(BackupRenderer.ToJson(ctx, result), CliJsonContext.Default.BackupJson);
            }
            else
            {
                BackupRenderer.Backup(ctx, result);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
