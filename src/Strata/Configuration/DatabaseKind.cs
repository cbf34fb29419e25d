namespace Strata.Configuration;

/// <summary>The database engines Strata drives.</summary>
public enum DatabaseKind
{
    /// <summary>PostgreSQL through Npgsql.</summary>
    PostgreSql,

    /// <summary>An SQLite file through Microsoft.Data.Sqlite.</summary>
    Sqlite,
}
