using Npgsql;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>The schema roles of a PostgreSQL database (<see cref="PostgreSqlDialect.SchemaRoles"/>): every role, dev database, wipe and measuring included.</summary>
internal static class SchemaSide
{
    /// <summary>The roles for the database <paramref name="connectionString"/> points at; reads go through <paramref name="dataSource"/> when the application gave one.</summary>
    public static SchemaRoles Roles(string connectionString, NpgsqlDataSource? dataSource) => new()
    {
        Name = "PostgreSQL",
        Introspector = new Introspector(connectionString, dataSource),
        Renderer = PostgreSqlDdlRenderer.Instance,
        Scratch = new ScratchDatabases(connectionString),
        DevDatabase = new DevDatabases(),
        Wipe = new DatabaseWipe(connectionString),
        Measuring = new MigrationMeasuring(connectionString),
        DefaultSchema = "public",
    };

    /// <summary>The server could not be reached (or the driver failed before it answered): exit 5, naming <paramref name="display"/>.</summary>
    public static Errors.DatabaseUnavailableException Unreachable(string display, Exception e) => new(
        $"cannot reach {display}: {e.Message}",
        "check that the server is running and the host, port and credentials in the database URL are right",
        e);
}
