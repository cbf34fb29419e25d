using Strata.Schema;

namespace Strata.Sqlite;

/// <summary>
/// The schema roles of an SQLite database (<see cref="SqliteDialect.SchemaRoles"/>). No dev database: scratch
/// databases are temporary files, so there is never a reason for one. No measuring: SQLite has no lock table or data
/// file nodes to read, so <c>strata lint --measure</c> has nothing to report (ADR 012).
/// </summary>
internal static class SchemaSide
{
    /// <summary>The roles for the database file at <paramref name="path"/>.</summary>
    public static SchemaRoles Roles(string path) => new()
    {
        Name = "SQLite",
        Introspector = new Introspector(path),
        Renderer = SqliteDdlRenderer.Instance,
        Scratch = new ScratchDatabases(),
        DevDatabase = null,
        Wipe = new DatabaseWipe(path),
        Measuring = null,
        DefaultSchema = null,
    };
}
