using Npgsql;
using Strata.TestSupport;

namespace Strata.SchemaCorpus;

/// <summary>The server the harness works on: creates the project's databases and drops them all afterwards.</summary>
internal sealed class CorpusServer(string connectionString) : IAsyncDisposable
{
    private readonly List<string> _databases = [];

    /// <summary>A new empty database (from template0) and its connection string.</summary>
    public async Task<string> CreateAsync(string name)
    {
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString;
    }

    public static string Url(string database) => PostgresUrl.From(database);

    public async ValueTask DisposeAsync()
    {
        foreach (var name in _databases)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
