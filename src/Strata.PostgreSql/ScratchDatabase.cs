using System.Security.Cryptography;
using Npgsql;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>
/// A temporary database on the same PostgreSQL server, where <c>schema.sql</c> or the migrations are applied to learn
/// the state they produce. Created by <see cref="CreateAsync"/> (the role needs CREATEDB), dropped on dispose (with
/// FORCE, so a failed apply leaves nothing behind). Called by the CLI's <c>diff</c>, <c>generate</c>, <c>push</c> and
/// <c>dump</c>, and by verify. Connection and permission failures surface as <see cref="NpgsqlException"/>.
/// </summary>
public sealed class PostgreSqlScratchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

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
        }

        var scratch = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new PostgreSqlScratchDatabase(admin, name, scratch);
    }

    /// <summary>Reads the scratch database's schema (see <see cref="PostgreSqlSchemaIntrospector"/>).</summary>
    public Task<DatabaseSchema> ReadAsync(SchemaFilter? filter, CancellationToken cancellationToken) =>
        PostgreSqlSchemaIntrospector.ReadAsync(ConnectionString, filter, cancellationToken);

    /// <summary>Drops the database, ending any connection still open to it.</summary>
    public async ValueTask DisposeAsync()
    {
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
}
