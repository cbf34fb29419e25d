namespace Strata.Reliability.Tests.Integrity;

/// <summary>The database engine a scenario runs against (theories take it as their first argument).</summary>
public enum Engine
{
    /// <summary>A fresh database on the shared throwaway PostgreSQL server.</summary>
    PostgreSql,

    /// <summary>A fresh SQLite file in the scene's folder.</summary>
    Sqlite,
}
