using System.Security.Cryptography;
using Npgsql;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>
/// A temporary database on the same PostgreSQL server, where <c>schema.sql</c> or the migrations are applied to learn
/// the state they produce. Created by <see cref="CreateAsync"/> (the role needs CREATEDB), dropped on dispose (with
/// FORCE, so a failed apply leaves nothing behind). One scratch database serves a whole command: <see cref="EmptyAsync"/>
/// empties it between uses, which costs a fraction of a new <c>CREATE DATABASE</c> and its <c>DROP</c> (each
/// <c>DROP DATABASE</c> forces a checkpoint of the whole server). Commits on it do not wait for the WAL to reach disk
/// (<c>synchronous_commit</c> is off for the database: nothing in it needs to survive a crash). Called by the CLI's
/// <c>diff</c>, <c>generate</c>, <c>push</c> and <c>dump</c>, and by verify. Connection and permission failures surface
/// as <see cref="NpgsqlException"/>.
/// </summary>
public sealed class PostgreSqlScratchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;
    private NpgsqlConnection? _connection;

    private PostgreSqlScratchDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name, <c>strata_scratch_</c> and random hex.</summary>
    public string Name { get; }

    /// <summary>A connection string to the scratch database (secret: holds the original password; no pooling).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates an empty database next to the one <paramref name="connectionString"/> points at.</summary>
    public static async Task<PostgreSqlScratchDatabase> CreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        var name = "strata_scratch_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var connection = new NpgsqlConnection(admin);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand($"CREATE DATABASE {SqlText.Quote(name)} TEMPLATE template0", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var settings = new NpgsqlCommand($"ALTER DATABASE {SqlText.Quote(name)} SET synchronous_commit = off", connection);
            await using (settings.ConfigureAwait(false))
            {
                await settings.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var scratch = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new PostgreSqlScratchDatabase(admin, name, scratch);
    }

    /// <summary>Reads the scratch database's schema (see <see cref="PostgreSqlSchemaIntrospector"/>), on a connection kept open for the next read.</summary>
    public async Task<DatabaseSchema> ReadAsync(SchemaFilter? filter, CancellationToken cancellationToken) =>
        await PostgreSqlSchemaIntrospector.ReadAsync(await ConnectionAsync(cancellationToken).ConfigureAwait(false), filter, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Drops everything created in the database (see <see cref="PostgreSqlSchemaWipe"/>), so it can serve the next use
    /// as if new. A session still open on it may hold locks the wipe waits for: close them first.
    /// </summary>
    public async Task EmptyAsync(CancellationToken cancellationToken) =>
        await PostgreSqlSchemaWipe.WipeAsync(await ConnectionAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Drops the database, ending any connection still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is { } open)
        {
            _connection = null;
            await open.DisposeAsync().ConfigureAwait(false);
        }

        var connection = new NpgsqlConnection(_adminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {SqlText.Quote(Name)} WITH (FORCE)", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            _connection = connection;
        }

        return _connection;
    }
}
