using System.Globalization;
using Npgsql;
using Strata.TestSupport;

namespace Strata.Bench;

/// <summary>
/// The throwaway PostgreSQL the harness measures against: the test suite's cluster code (temporary folder, free
/// loopback port, the <c>postgres</c> system user when run as root) with durability back on (fsync,
/// synchronous commit, full page writes), so commit costs match a real server. Stopped and deleted on dispose.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly PostgresCluster _cluster;
    private readonly NpgsqlDataSource _admin;

    private BenchServer(PostgresCluster cluster)
    {
        _cluster = cluster;
        // No command timeout: DROP DATABASE waits for a checkpoint, which takes longer than Npgsql's default 30 s on a
        // loaded machine with fsync on (the fleet rows drop 1,000 databases between runs).
        _admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
    }

    public int Port => _cluster.Port;

    public string Password => _cluster.Password;

    public static string User => PostgresCluster.SuperUser;

    public static BenchServer Start() => new(PostgresCluster.Start(new PostgresClusterOptions
    {
        Settings = ["fsync = on", "synchronous_commit = on", "full_page_writes = on", "max_connections = 100"],
    }));

    public string ConnectionString(string database) => _cluster.ConnectionStringAt("127.0.0.1", database);

    public string Url(string database) =>
        $"postgres://{User}:{Password}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{database}?sslmode=disable";

    /// <summary>The libpq variables that point psql, sqitch and friends at <paramref name="database"/>.</summary>
    public IReadOnlyDictionary<string, string> LibpqEnvironment(string database) => new Dictionary<string, string>
    {
        ["PGHOST"] = "127.0.0.1",
        ["PGPORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["PGUSER"] = User,
        ["PGPASSWORD"] = Password,
        ["PGDATABASE"] = database,
        ["PGSSLMODE"] = "disable",
    };

    public async Task<string> VersionAsync() => (string)(await ScalarAsync("SHOW server_version").ConfigureAwait(false))!;

    public Task CreateDatabaseAsync(string name, string? template = null) =>
        ExecuteAsync($"CREATE DATABASE {Quote(name)}" + (template is null ? "" : $" TEMPLATE {Quote(template)}"));

    /// <summary>An untimed <c>CHECKPOINT</c>, so a timed copy does not pay for the dirty buffers of the run before it.</summary>
    public Task CheckpointAsync() => ExecuteAsync("CHECKPOINT");

    public Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)");

    public async Task<object?> ScalarAsync(string sql, string? database = null)
    {
        await using var source = database is null ? null : NpgsqlDataSource.Create(ConnectionString(database));
        await using var command = (source ?? _admin).CreateCommand(sql);
        return await command.ExecuteScalarAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _admin.DisposeAsync().ConfigureAwait(false);
        NpgsqlConnection.ClearAllPools();
        _cluster.Dispose();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = _admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
