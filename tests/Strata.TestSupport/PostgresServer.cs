using System.Globalization;
using Npgsql;
using Strata.Testing;
using Xunit;

namespace Strata.TestSupport;

/// <summary>
/// A real PostgreSQL server for tests: the one named by <c>STRATA_TEST_POSTGRES</c> (its role needs CREATEDB and
/// CREATEROLE), otherwise a throwaway cluster started from the installed server programs on a free loopback port
/// and deleted afterwards (with <c>STRATA_TEST_PG_MAJOR</c> set, always a throwaway cluster of that major: see
/// <see cref="PostgresInstall"/>). Tests usually share one per test process through <see cref="SharedAsync"/> and take a
/// fresh database each from <see cref="CreateDatabaseAsync"/>, which rents it from a Strata.Testing pool of empty
/// databases (clones of one unmigrated template, two kept warm, returned ones dropped in the background), so
/// Strata's own suite runs on its test-database toolkit. When no server can be found or started, <see cref="InitializeAsync"/>
/// throws saying how to fix it; tests never skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    // The databases the tests have always had: UTF8 with byte-order collation, whatever the server's default is.
    private static readonly TestDatabaseOptions PoolOptions = new() { WarmClones = 2, Encoding = "UTF8", Locale = "C" };

    private LocalCluster? _cluster;
    private NpgsqlConnectionStringBuilder? _builder;
    private NpgsqlDataSource? _admin;
    private PostgresTestDatabasePool? _pool;

    /// <summary>
    /// The server shared by every test in this process, started on first use and stopped when the process
    /// exits. Call it from a test class's <c>InitializeAsync</c> (see <see cref="PostgresTestBase"/>).
    /// </summary>
    public static Task<PostgresServer> SharedAsync() => Shared.Value;

    /// <summary>The superuser (or configured) connection string to the maintenance database; holds a password.</summary>
    public string ConnectionString => Builder.ConnectionString;

    /// <summary>True when this process started the server itself (no <c>STRATA_TEST_POSTGRES</c>).</summary>
    public bool IsThrowaway => _cluster is not null;

    /// <summary>The server's <c>server_version_num</c>, e.g. 150004.</summary>
    public int VersionNumber { get; private set; }

    private NpgsqlConnectionStringBuilder Builder => _builder ?? throw new InvalidOperationException("the PostgreSQL server is not started; call InitializeAsync first");

    private NpgsqlDataSource Admin => _admin ?? throw new InvalidOperationException("the PostgreSQL server is not started; call InitializeAsync first");

    private PostgresTestDatabasePool Pool => _pool ?? throw new InvalidOperationException("the PostgreSQL server is not started; call InitializeAsync first");

    /// <summary>
    /// Starts (or connects to) the server, waits until it accepts connections, cleans what crashed runs left on a
    /// configured server and starts the pool of empty databases (its template is made here, its warm clones next).
    /// </summary>
    public async Task InitializeAsync()
    {
        // A process asked for one major (the version matrix) starts that major itself, whatever server is configured.
        var major = PostgresInstall.RequestedMajor;
        var external = major is null ? ServerConnectionString.FromEnvironment() : null;
        if (external is null)
        {
            _cluster = await Task.Run(() => LocalCluster.Start());
            _builder = new NpgsqlConnectionStringBuilder(_cluster.ConnectionString);
        }
        else
        {
            _builder = external;
        }

        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        _builder.ApplicationName = "strata-tests";
        _builder.Timeout = 10;
        _admin = NpgsqlDataSource.Create(_builder);
        await WaitUntilReadyAsync();
        if (major is not null && VersionNumber / 10000 != major)
        {
            throw new InvalidOperationException(
                $"{PostgresInstall.MajorVariable}={major} but the server started from {_cluster?.BinDirectory} is version {VersionNumber}; "
                + $"reinstall it: rm -rf {PostgresInstall.CacheRoot}/{major} && tests/install-postgres.sh {major}");
        }

        await CheckPrivilegesAsync();
        _pool = TestDatabases.ForPostgresEmpty(_builder.ConnectionString, PoolOptions);
        if (_cluster is null)
        {
            // Only a configured server (STRATA_TEST_POSTGRES) can hold leftovers: the databases of an earlier test
            // process that was killed or crashed (its owner connection is gone). A throwaway cluster is new in every
            // process. The clones of test processes still running (other test projects at the same time) are kept.
            await _pool.Server.CleanAsync();
        }

        await _pool.EnsureTemplateAsync();
    }

    /// <summary>
    /// Drops the pool's databases (waiting for those being dropped), then stops a throwaway server and deletes its
    /// folder; leaves a configured server running.
    /// </summary>
    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_pool is not null)
        {
            await _pool.DisposeAsync();
        }

        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        _cluster?.Stop();
    }

    /// <summary>
    /// Rents an empty database (UTF8, collation C) with a unique name (<c>strata_test_p&lt;pid&gt;_…</c>) from the
    /// pool; usually a warm clone made ahead, so the test does not wait for <c>CREATE DATABASE</c>. Dispose it to
    /// return it: the pool drops it in the background.
    /// </summary>
    public async Task<TestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        new(this, await Pool.RentAsync(cancellationToken));

    /// <summary>Runs one statement on the maintenance database as the administrative user.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var command = Admin.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query on the maintenance database and returns the first column of the first row.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken cancellationToken = default)
    {
        await using var command = Admin.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>A connection string for <paramref name="database"/> as <paramref name="user"/> with <paramref name="password"/>.</summary>
    public string ConnectionStringFor(string database, string? user = null, string? password = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(Builder.ConnectionString) { Database = database, ApplicationName = null };
        if (user is not null)
        {
            builder.Username = user;
            builder.Password = password;
        }

        return builder.ConnectionString;
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var server = new PostgresServer();
        await server.InitializeAsync();
        return server;
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            try
            {
                VersionNumber = int.Parse(await ScalarAsync<string>("SHOW server_version_num") ?? "0", CultureInfo.InvariantCulture);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                throw new InvalidOperationException(
                    $"the PostgreSQL test server at {Builder.Host}:{Builder.Port} did not accept connections within {ReadyTimeout.TotalSeconds:0} s: {e.Message}"
                    + (_cluster is null ? $" (check {ServerConnectionString.Variable})" : $"\nserver log ({_cluster.LogFile}):\n{ReadLog()}")
                    + "\nTo fix: " + PostgresBinaries.HowToFix);
            }
        }
    }

    private async Task CheckPrivilegesAsync()
    {
        var allowed = await ScalarAsync<bool>("SELECT rolsuper OR (rolcreatedb AND rolcreaterole) FROM pg_roles WHERE rolname = current_user");
        if (!allowed)
        {
            throw new InvalidOperationException(
                $"the role '{Builder.Username}' of {ServerConnectionString.Variable} may not create databases and roles; "
                + "grant them (ALTER ROLE ... CREATEDB CREATEROLE) or use a superuser");
        }
    }

    private string ReadLog()
    {
        try
        {
            return _cluster is not null && File.Exists(_cluster.LogFile) ? File.ReadAllText(_cluster.LogFile) : "(none)";
        }
        catch (IOException e)
        {
            return "(unreadable: " + e.Message + ")";
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (_cluster is not null)
        {
            // Stopping the throwaway cluster deletes every database in it; the pool has nothing left to do.
            _cluster.Stop();
            return;
        }

        // On a configured server, drop the warm clones and wait for the drops still running (bounded: the test host
        // may be stopped at any moment; whatever is left over the next run's CleanAsync drops).
        try
        {
            _pool?.DisposeAsync().AsTask().Wait(ExitTimeout);
        }
        catch (AggregateException)
        {
            // The server went away or refused a drop: the leftovers are the next run's to clean.
        }
    }
}
