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
        DECLARE s text; d record;
        BEGIN
            FOR s IN SELECT evtname FROM pg_event_trigger WHERE pg_has_role(evtowner, 'USAGE') LOOP
                EXECUTE format('DROP EVENT TRIGGER %I', s);
            END LOOP;
            FOR s IN SELECT pubname FROM pg_publication WHERE pg_has_role(pubowner, 'USAGE') LOOP
                EXECUTE format('DROP PUBLICATION %I', s);
            END LOOP;
            -- Default privileges not tied to a schema outlive the schemas: put each back to the built-in default
            -- (PostgreSQL then deletes the entry), or the next use's objects would be created with them.
            FOR d IN SELECT r.defaclrole::regrole::text AS role,
                            CASE r.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' ELSE 'SCHEMAS' END AS objects,
                            r.defaclobjtype AS kind,
                            (SELECT string_agg(DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END, ', ') FROM aclexplode(r.defaclacl) a) AS grantees
                     FROM pg_default_acl r WHERE r.defaclnamespace = 0 AND pg_has_role(r.defaclrole, 'USAGE') LOOP
                IF d.grantees IS NOT NULL THEN
                    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s REVOKE ALL ON %s FROM %s', d.role, d.objects, d.grantees);
                END IF;
                EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s GRANT ALL ON %s TO %s', d.role, d.objects, d.role);
                IF d.kind IN ('f', 'T') THEN
                    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %s GRANT %s ON %s TO PUBLIC', d.role, CASE d.kind WHEN 'f' THEN 'EXECUTE' ELSE 'USAGE' END, d.objects);
                END IF;
            END LOOP;
            FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema' LOOP
                EXECUTE format('DROP SCHEMA %I CASCADE', s);
            END LOOP;
            -- A user-defined cast between built-in types (CREATE CAST (cid AS integer) WITHOUT FUNCTION) is in no schema.
            FOR s IN SELECT format('(%s AS %s)', format_type(k.castsource, NULL), format_type(k.casttarget, NULL)) FROM pg_cast k
                     WHERE k.oid >= 16384
                       AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_cast'::regclass AND x.objid = k.oid AND x.deptype IN ('e', 'i'))
                       AND (pg_has_role((SELECT t.typowner FROM pg_type t WHERE t.oid = k.castsource), 'USAGE')
                            OR pg_has_role((SELECT t.typowner FROM pg_type t WHERE t.oid = k.casttarget), 'USAGE')) LOOP
                EXECUTE 'DROP CAST ' || s;
            END LOOP;
            CREATE SCHEMA public;
            GRANT USAGE ON SCHEMA public TO PUBLIC;
        END
        $strata$
        """;

    /// <summary>
    /// Connects to <paramref name="connectionString"/>'s database (a connection of its own, outside any pool) and drops
    /// every non-system schema, in one statement.
    /// </summary>
    public static async Task WipeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await WipeAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

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
    /// Empties a scratch database for its next use: what <see cref="WipeAsync(NpgsqlConnection, CancellationToken)"/> drops, and also
    /// the event triggers, publications, casts and default privileges not tied to a schema that the role may drop or reset
    /// (objects outside any schema that a schema file can create).
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
