using System.Diagnostics;
using Strata.Execution;
using Strata.PostgreSql;
using Strata.Sources;

namespace Strata.Bench.Tools;

/// <summary>
/// The engine called in-process, as an application does on start-up: a <see cref="Migrator"/> over the PostgreSQL
/// dialect and a <see cref="DirectoryMigrationSource"/>. Throws when an operation reports failure.
/// </summary>
internal sealed class StrataLibraryTool : IMigrationTool
{
    public string Name => "Strata library (in-process Migrator)";

    public string? Unavailable => null;

    public bool Supports(Operation operation) => true;

    public Task PrepareAsync(MigrationSet set, string folder) => StrataFiles.WriteAsync(set, folder);

    public async Task<TimeSpan> RunAsync(Operation operation, ToolRun run)
    {
        var stopwatch = Stopwatch.StartNew();
        var migrator = new Migrator(new PostgreSqlDialect(run.ConnectionString), new DirectoryMigrationSource(run.MigrationsFolder));
        switch (operation)
        {
            case Operation.Status:
                await migrator.GetStatusAsync().ConfigureAwait(false);
                break;
            case Operation.Rollback:
                await migrator.RollbackAsync().ConfigureAwait(false);
                break;
            default:
                await migrator.MigrateAsync().ConfigureAwait(false);
                break;
        }

        return stopwatch.Elapsed;
    }
}
