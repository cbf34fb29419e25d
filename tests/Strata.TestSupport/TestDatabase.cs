using System.Security.Cryptography;
using Npgsql;
using Strata.Testing;

namespace Strata.TestSupport;

/// <summary>
/// A fresh, empty database for one test, rented by <see cref="PostgresServer.CreateDatabaseAsync"/> from the
/// Strata.Testing pool. Disposing it returns it: the pool drops it in the background (terminating leftover
/// connections); a database with roles made through it is dropped at once, then the roles.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;
    private readonly RentedDatabase _rented;
    private readonly NpgsqlDataSource _dataSource;
    private readonly List<string> _roles = [];

    internal TestDatabase(PostgresServer server, RentedDatabase rented)
    {
        _server = server;
        _rented = rented;
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(rented.ConnectionString) { ApplicationName = "strata-tests" });
    }

    /// <summary>The database name (<c>strata_test_p&lt;pid&gt;_…</c>).</summary>
    public string Name => _rented.Name;

    /// <summary>The administrative connection string to this database (no application name set); holds a password.</summary>
    public string ConnectionString => _rented.ConnectionString;

    /// <summary>The server the database lives on.</summary>
    public PostgresServer Server => _server;

    /// <summary>Opens an administrative connection to this database.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Runs SQL (one or more statements) as the administrative user.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query with positional parameters (<c>$1</c>, <c>$2</c>) and returns the first column of the first row.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>The tables of <paramref name="schema"/>, or of every non-system schema as <c>schema.table</c> when null; sorted.</summary>
    public async Task<IReadOnlyList<string>> ListTablesAsync(string? schema = null)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT CASE WHEN $1::text IS NULL THEN table_schema || '.' || table_name ELSE table_name END
            FROM information_schema.tables
            WHERE table_type = 'BASE TABLE'
              AND table_schema NOT IN ('pg_catalog', 'information_schema')
              AND ($1::text IS NULL OR table_schema = $1::text)
            ORDER BY 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)schema ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>
    /// Creates a login role with a random name and password that may connect to this database and nothing else;
    /// grant it more with <see cref="ExecuteAsync"/>. It is dropped with the database.
    /// </summary>
    public async Task<TestRole> CreateRoleAsync()
    {
        var name = "strata_role_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        await _server.ExecuteAsync($"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'");
        lock (_roles)
        {
            _roles.Add(name);
        }

        await _server.ExecuteAsync($"GRANT CONNECT ON DATABASE \"{Name}\" TO \"{name}\"");
        return new TestRole(name, password, _server.ConnectionStringFor(Name, name, password));
    }

    /// <summary>
    /// Returns the database to the pool, which drops it in the background (WITH (FORCE): open connections are
    /// terminated). With roles made through it, drops it here first, since a role granted on a database (or owning
    /// it) can only be dropped after it, then drops the roles.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        string[] roles;
        lock (_roles)
        {
            roles = [.. _roles];
        }

        if (roles.Length > 0)
        {
            await _server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
            foreach (var role in roles)
            {
                await _server.ExecuteAsync($"DROP ROLE IF EXISTS \"{role}\"");
            }
        }

        await _rented.DisposeAsync();
    }
}
