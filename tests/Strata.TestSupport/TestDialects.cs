using Strata.Configuration;
using Strata.PostgreSql;
using Strata.Sqlite;

namespace Strata.TestSupport;

/// <summary>The dialect set the tests parse database values with: PostgreSQL and SQLite, as the CLI's.</summary>
public static class TestDialects
{
    /// <summary>Both dialects.</summary>
    public static DialectSet All { get; } = new(PostgreSqlDialect.Factory, SqliteDialect.Factory);
}
