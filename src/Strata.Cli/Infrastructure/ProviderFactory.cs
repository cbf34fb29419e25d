using Strata.Configuration;
using Strata.Execution;
using Strata.PostgreSql;
using Strata.Sqlite;

namespace Strata.Cli.Infrastructure;

/// <summary>Picks the dialect for a configured database.</summary>
internal static class ProviderFactory
{
    public static IDialect Create(DatabaseTarget target, StrataSettings settings) => target.Dialect switch
    {
        // The CLI runs SQL text only, so the driver's reading of the database's types (the heaviest query of a no-op run) is skipped.
        Dialect.PostgreSql => new PostgreSqlDialect(target.ConnectionString, new PostgreSqlOptions { LockKey = settings.LockKey, LoadDatabaseTypes = false }),
        Dialect.Sqlite => new SqliteDialect(target.ConnectionString, new SqliteOptions { BusyTimeout = settings.LockTimeout }),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Dialect, "unknown dialect"),
    };
}
