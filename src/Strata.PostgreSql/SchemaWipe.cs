using Npgsql;

namespace Strata.PostgreSql;

/// <summary>
/// Empties a PostgreSQL database: drops every non-system schema with everything in it and recreates an empty
/// <c>public</c> that everyone may use. Called by <c>strata reset</c> on the configured database and after each use of
/// a dev database (<see cref="PostgreSqlDevDatabase"/>). The role must own the schemas (or be a superuser); otherwise
/// the <see cref="PostgresException"/> of the first schema it may not drop surfaces and nothing is dropped.
/// </summary>
public static class PostgreSqlSchemaWipe
{
    private const string WipeSql = """
        DO $strata$
        DECLARE s text;
        BEGIN
            FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
                EXECUTE format('DROP SCHEMA %I CASCADE', s);
            END LOOP;
            CREATE SCHEMA public;
            GRANT USAGE ON SCHEMA public TO PUBLIC;
        END
        $strata$
        """;

    private const string ScratchWipeSql = """
        DO $strata$
        DECLARE s text;
        BEGIN
            FOR s IN SELECT evtname FROM pg_event_trigger WHERE pg_has_role(evtowner, 'USAGE') LOOP
                EXECUTE format('DROP EVENT TRIGGER %I', s);
            END LOOP;
            FOR s IN SELECT pubname FROM pg_publication WHERE pg_has_role(pubowner, 'USAGE') LOOP
                EXECUTE format('DROP PUBLICATION %I', s);
            END LOOP;
            FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
                EXECUTE format('DROP SCHEMA %I CASCADE', s);
            END LOOP;
            CREATE SCHEMA public;
            GRANT USAGE ON SCHEMA public TO PUBLIC;
        END
        $strata$
        """;

    /// <summary>Drops every non-system schema on <paramref name="connection"/>'s database, in one statement.</summary>
    public static async Task WipeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = new NpgsqlCommand(WipeSql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Empties a scratch database for its next use: what <see cref="WipeAsync"/> drops, and also the event triggers and
    /// publications the role may drop (objects outside any schema that a schema file can create).
    /// </summary>
    internal static async Task WipeScratchAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(ScratchWipeSql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
