using System.Diagnostics;
using Npgsql;
using Strata.Execution;
using Strata.Sources;
using Strata.Testing;

namespace Strata.Bench.Scenarios;

/// <summary>
/// A migrated test database for one test, four ways, from a template of N migrations (a table and an index each):
/// rented from <see cref="Strata.Testing"/>'s warm pool (the pool is given time to refill between runs, as between
/// tests), cloned cold (<c>CREATE DATABASE … TEMPLATE</c> through the toolkit), reset after a test that wrote to three
/// tables, or migrated from scratch.
/// </summary>
internal sealed class TestDatabaseScenario(BenchServer server, int size, string scratch, TestDatabaseMode mode) : IScenario
{
    private readonly string _folder = Path.Combine(scratch, $"testdb_{mode}_{size}");
    private PostgresTestDatabasePool? _pool;
    private string? _template;
    private int _scratchDatabases;

    public string What => mode switch
    {
        TestDatabaseMode.WarmPool => $"test database from the warm pool ({size:N0} tables)",
        TestDatabaseMode.ColdClone => $"test database from a cold clone ({size:N0} tables)",
        TestDatabaseMode.Reset => $"test database by reset (3 of {size:N0} tables touched)",
        _ => $"test database by migrating from scratch ({size:N0} migrations)",
    };

    public string Tool => mode == TestDatabaseMode.FromScratch ? "Strata library (in-process Migrator)" : "Strata.Testing";

    public int Size => size;

    public string? NotMeasured => null;

    private IMigrationSource Source => new DirectoryMigrationSource(_folder);

    public async Task SetUpAsync()
    {
        await Tools.StrataFiles.WriteAsync(new MigrationSet(size), Directory.CreateDirectory(_folder).FullName).ConfigureAwait(false);
        if (mode == TestDatabaseMode.FromScratch)
        {
            return;
        }

        _pool = TestDatabases.ForPostgres(server.ConnectionString("postgres"), Source, new TestDatabaseOptions
        {
            Prefix = "bench_" + mode.ToString().ToLowerInvariant(),
            WarmClones = mode == TestDatabaseMode.ColdClone ? 0 : 1,
            ResetOnReturn = mode == TestDatabaseMode.Reset,
        });
        _template = await _pool.EnsureTemplateAsync().ConfigureAwait(false);
    }

    public Task<TimeSpan> RunOnceAsync() => mode switch
    {
        TestDatabaseMode.ColdClone => ColdCloneAsync(),
        TestDatabaseMode.FromScratch => FromScratchAsync(),
        _ => RentAsync(),
    };

    public async Task TearDownAsync()
    {
        if (_pool is not null)
        {
            await _pool.DisposeAsync().ConfigureAwait(false);
            await new PostgresTestServer(server.ConnectionString("postgres"), "bench_" + mode.ToString().ToLowerInvariant()).CleanAsync(includeTemplates: true).ConfigureAwait(false);
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Warm pool and reset: let the pool get a database ready (as the time a test takes), then time the rent.</summary>
    private async Task<TimeSpan> RentAsync()
    {
        await Task.Delay(mode == TestDatabaseMode.Reset ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(8)).ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        var database = await _pool!.RentAsync().ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        await using (database.ConfigureAwait(false))
        {
            if (mode == TestDatabaseMode.Reset)
            {
                await WriteThreeTablesAsync(database.ConnectionString).ConfigureAwait(false);
            }
        }

        return elapsed;
    }

    /// <summary>Cold clone: after an untimed checkpoint, as the bare <c>CREATE DATABASE</c> it is compared with.</summary>
    private async Task<TimeSpan> ColdCloneAsync()
    {
        await server.CheckpointAsync().ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        var name = await _pool!.Server.CloneAsync(_template!).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        await _pool.Server.DropAsync(name).ConfigureAwait(false);
        return elapsed;
    }

    private async Task<TimeSpan> FromScratchAsync()
    {
        var name = $"bench_scratch_{size}_{_scratchDatabases++}";
        await server.CreateDatabaseAsync(name).ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        await new Migrator(new PostgreSql.PostgreSqlDialect(server.ConnectionString(name)), Source).MigrateAsync().ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        await server.DropDatabaseAsync(name).ConfigureAwait(false);
        return elapsed;
    }

    private static async Task WriteThreeTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        foreach (var number in new[] { 1, 2, 3 })
        {
            await using var command = new NpgsqlCommand($"INSERT INTO {MigrationSet.Table(number)} (id, name) VALUES (1, 'touched')", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }
}
