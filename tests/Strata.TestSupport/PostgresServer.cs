using System.Globalization;
using System.Security.Cryptography;
using Npgsql;
using Xunit;

namespace Strata.TestSupport;

/// <summary>
/// A real PostgreSQL server for tests: the one named by <c>STRATA_TEST_POSTGRES</c> (its role needs CREATEDB and
/// CREATEROLE), otherwise a throwaway cluster started from the installed server programs on a free loopback port
/// and deleted afterwards. Tests usually share one per test process through <see cref="SharedAsync"/> and take a
/// fresh database each from <see cref="CreateDatabaseAsync"/>. When no server can be found or started,
/// <see cref="InitializeAsync"/> throws saying how to fix it; tests never skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private LocalCluster? _cluster;
    private NpgsqlConnectionStringBuilder? _builder;
    private NpgsqlDataSource? _admin;

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

    /// <summary>Starts (or connects to) the server and waits until it accepts connections.</summary>
    public async Task InitializeAsync()
    {
        var external = ServerConnectionString.FromEnvironment();
        if (external is null)
        {
            _cluster = await Task.Run(() => LocalCluster.Start());
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            _builder = new NpgsqlConnectionStringBuilder(_cluster.ConnectionString);
        }
        else
        {
            _builder = external;
        }

        _builder.ApplicationName = "strata-tests";
        _builder.Timeout = 10;
        _admin = NpgsqlDataSource.Create(_builder);
        await WaitUntilReadyAsync();
        await CheckPrivilegesAsync();
    }

    /// <summary>Stops a throwaway server and deletes its folder; leaves a configured server running.</summary>
    public async Task DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _cluster?.Stop();
    }

    /// <summary>Creates an empty database with a unique name, cloned from <c>template0</c>; dispose it to drop it.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = "strata_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder(Builder.ConnectionString) { Database = name, ApplicationName = null };
        return new TestDatabase(this, name, builder);
    }

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

    private void OnProcessExit(object? sender, EventArgs e) => _cluster?.Stop();
}
