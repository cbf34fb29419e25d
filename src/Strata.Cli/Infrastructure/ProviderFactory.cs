using Strata.Configuration;
using Strata.Execution;
using Strata.History;
using Strata.PostgreSql;
using Strata.Sqlite;

namespace Strata.Cli.Infrastructure;

/// <summary>Picks the dialect for a configured database.</summary>
internal static class ProviderFactory
{
    public static IDatabaseProvider Create(DatabaseTarget target, HistoryTableName history, TimeSpan lockTimeout) => target.Kind switch
    {
        DatabaseKind.PostgreSql => new PostgreSqlDialect(target.ConnectionString, history),
        DatabaseKind.Sqlite => new SqliteDialect(target.ConnectionString, history, new SqliteOptions { BusyTimeout = lockTimeout }),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "unknown database kind"),
    };
}
