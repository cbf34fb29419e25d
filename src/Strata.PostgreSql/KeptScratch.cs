using Npgsql;

namespace Strata.PostgreSql;

/// <summary>
/// The kept scratch database of <see cref="PostgreSqlScratchDatabase.OpenAsync(string, CancellationToken)"/>: created once per server and role,
/// then taken by one command at a time (a session advisory lock, never waited for) and emptied when taken, unless its
/// comment says it already holds what the command's schema files give (ADR 024). A database of that name is used only
/// when the role owns it and its comment starts with Strata's mark, so Strata never empties a database it did not make.
/// </summary>
internal static class KeptScratch
{
    /// <summary>The connection that holds the kept database's lock, and whether it was left as it was (it already held the schema files' content).</summary>
    internal sealed record Taken(NpgsqlConnection Connection, bool Reused);

    /// <summary>The comment that marks the kept scratch database as Strata's.</summary>
    public const string Mark = "Strata's scratch database: the schema commands fill it and empty it; nothing else may use it, and it may be dropped any time";

    /// <summary>
    /// Owner, mark and lock in one round trip; the advisory lock key is "strata-s" in ASCII (0x7374726174612D73).
    /// Also the content key the database's comment holds (after the mark) and the one it would hold for the content
    /// key <c>$2</c> on this server as it is now (<see cref="ServerFacts"/>).
    /// </summary>
    private static readonly string TakeSql = $"""
        SELECT d.datdba = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)
               AND pg_catalog.starts_with(pg_catalog.shobj_description(d.oid, 'pg_database'), $1)
               AND pg_catalog.pg_try_advisory_lock(8319400174550068595),
               NULLIF(pg_catalog.substr(pg_catalog.shobj_description(d.oid, 'pg_database'), pg_catalog.length($1) + 1), ''),
               CASE WHEN $2::text IS NOT NULL THEN {ServerFacts} END
        FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()
        """;

    /// <summary>
    /// What else than the schema files decides what applying them produces, folded with the files' key <c>$2</c> into
    /// one md5 after <c>; holds </c> (what follows the mark in the comment): the server's version; the role and the
    /// roles it is a member of (<c>SET ROLE</c>); the roles the database's objects name (owners and grants, from
    /// <c>pg_shdepend</c>: a renamed one changes it, a dropped one cannot be while named); the role's and the database's
    /// settings; and each installed extension's version next to the version <c>CREATE EXTENSION</c> would install now
    /// (a package upgrade changes it). Roles the files do not name are left out, so other roles coming and going on a
    /// shared server do not make every command replay the files.
    /// </summary>
    private const string ServerFacts = """
        '; holds ' || pg_catalog.md5(pg_catalog.concat_ws(pg_catalog.chr(31), $2::text, pg_catalog.current_setting('server_version_num'), current_user,
            (SELECT pg_catalog.string_agg(r::text, ',' ORDER BY r.oid) FROM pg_catalog.pg_roles r
             WHERE r.oid IN (SELECT sd.refobjid FROM pg_catalog.pg_shdepend sd WHERE sd.refclassid = 'pg_catalog.pg_authid'::pg_catalog.regclass
                             AND sd.dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database()))),
            (SELECT pg_catalog.string_agg(m.roleid::pg_catalog.regrole::text, ',' ORDER BY m.roleid) FROM pg_catalog.pg_auth_members m
             WHERE m.member = (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user)),
            (SELECT pg_catalog.string_agg(s.setdatabase || ':' || s.setrole || ':' || s.setconfig::text, ',' ORDER BY s.setdatabase, s.setrole)
             FROM pg_catalog.pg_db_role_setting s
             WHERE s.setdatabase IN (0, (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database()))
               AND s.setrole IN (0, (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user))),
            (SELECT pg_catalog.string_agg(e.extname || '=' || e.extversion || '/' || coalesce(a.default_version, ''), ',' ORDER BY e.extname)
             FROM pg_catalog.pg_extension e LEFT JOIN pg_catalog.pg_available_extensions a ON a.name = e.extname)))
        """;

    /// <summary>
    /// Connects to <paramref name="name"/> (creating it when missing) and takes its lock. When its comment says it holds
    /// what <paramref name="contentKey"/> (the schema files' key, or null) gives on this server now, it is left as it
    /// is (<see cref="Taken.Reused"/>); otherwise its content key is forgotten and it is emptied. Null when the database
    /// cannot be used (in use, another role's, not marked, no privilege to create it): the caller makes a temporary one
    /// instead. Connection failures propagate.
    /// </summary>
    public static async Task<Taken?> TryTakeAsync(string adminConnectionString, string name, string? contentKey, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, ApplicationName = "strata (scratch database in use)" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            if (!await ConnectAsync(connection, adminConnectionString, name, cancellationToken).ConfigureAwait(false))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            var take = new NpgsqlCommand(TakeSql, connection) { Parameters = { new() { Value = Mark }, new() { Value = (object?)contentKey ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } } };
            await using (take.ConfigureAwait(false))
            {
                var reader = await take.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                string? held, wanted;
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.GetFieldValue<bool?>(0) is not true)
                    {
                        await connection.DisposeAsync().ConfigureAwait(false);
                        return null;
                    }

                    held = reader.IsDBNull(1) ? null : reader.GetString(1);
                    wanted = reader.IsDBNull(2) ? null : reader.GetString(2);
                }

                if (held is not null && held == wanted)
                {
                    return new Taken(connection, Reused: true);
                }

                if (held is not null)
                {
                    await ForgetAsync(connection, name, cancellationToken).ConfigureAwait(false);
                }
            }

            await PostgreSqlSchemaWipe.WipeScratchAsync(connection, cancellationToken).ConfigureAwait(false);
            return new Taken(connection, Reused: false);
        }
        catch (PostgresException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return null;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Writes into the comment that the database now holds what the schema files of <paramref name="contentKey"/> give
    /// (folded with the server's facts as <see cref="TryTakeAsync"/> folds them), for the next command to reuse.
    /// </summary>
    public static async Task RememberAsync(NpgsqlConnection connection, string name, string contentKey, CancellationToken cancellationToken)
    {
        var key = new NpgsqlCommand($"SELECT {ServerFacts.Replace("$2", "$1", StringComparison.Ordinal)}", connection) { Parameters = { new() { Value = contentKey } } };
        string full;
        await using (key.ConfigureAwait(false))
        {
            full = (string)(await key.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        await ExecuteAsync(connection, $"COMMENT ON DATABASE {SqlText.Quote(name)} IS {SqlText.Literal(Mark + full)}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lets go of the kept database's lock before its session closes: a closed session's backend releases it only when it
    /// has exited, which on a loaded server can be after the next command has tried the lock and, finding it held, made
    /// a temporary database instead of reusing the kept one. Best effort: a session that is gone holds nothing.
    /// </summary>
    public static async Task ReleaseAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await ExecuteAsync(connection, "SELECT pg_catalog.pg_advisory_unlock(8319400174550068595)", CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The session is broken; closing it releases the lock once its backend exits.
        }
    }

    /// <summary>Puts the comment back to the bare mark (before the database is emptied or filled with anything else).</summary>
    public static Task ForgetAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, $"COMMENT ON DATABASE {SqlText.Quote(name)} IS {SqlText.Literal(Mark)}", cancellationToken);

    /// <summary>
    /// <c>CREATE DATABASE</c> from template0 with <c>synchronous_commit</c> off and, for the kept one, Strata's mark.
    /// </summary>
    public static async Task CreateAsync(NpgsqlConnection admin, string name, string? comment, CancellationToken cancellationToken)
    {
        var quoted = SqlText.Quote(name);
        await ExecuteAsync(admin, $"CREATE DATABASE {quoted} TEMPLATE template0", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(admin, $"ALTER DATABASE {quoted} SET synchronous_commit = off", cancellationToken).ConfigureAwait(false);
        if (comment is not null)
        {
            await ExecuteAsync(admin, $"COMMENT ON DATABASE {quoted} IS {SqlText.Literal(comment)}", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Opens <paramref name="connection"/>; when its database does not exist, creates it first. False when another command created it at the same moment.</summary>
    private static async Task<bool> ConnectAsync(NpgsqlConnection connection, string adminConnectionString, string name, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
        }

        var admin = new NpgsqlConnection(adminConnectionString);
        await using (admin.ConfigureAwait(false))
        {
            await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await CreateAsync(admin, name, Mark, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                return false;
            }
        }

        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
