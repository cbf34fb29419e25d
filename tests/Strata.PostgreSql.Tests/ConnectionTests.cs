using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;
using Strata.Errors;
using Strata.Execution;
using Strata.History;

namespace Strata.PostgreSql.Tests;

public sealed class ConnectionTests : DialectTest
{
    /// <summary>A password full of URL and connection-string metacharacters, unique per run.</summary>
    private static readonly string Canary = "Pw$9;'\"@:/%x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    [Fact]
    public async Task A_closed_port_is_unavailable_with_host_port_and_hint_but_no_password()
    {
        var port = ClosedPort();
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Database = "shop", Username = "app", Password = Canary, Timeout = 5,
        }.ConnectionString;
        var dialect = new PostgreSqlDialect(connectionString);

        var error = await Should.ThrowAsync<DatabaseUnavailableException>(() => dialect.OpenAsync(new SessionOptions { History = DefaultHistory }, CancellationToken.None));

        error.Category.ShouldBe(ErrorCategory.Unavailable);
        error.Message.ShouldContain($"127.0.0.1:{port}");
        error.Message.ShouldContain("database 'shop', user 'app'");
        error.Hint.ShouldNotBeNull().ShouldContain("is the server running");
        ShouldNotLeak(error);
        dialect.DisplayName.ShouldBe($"postgres://app@127.0.0.1:{port}/shop");
    }

    [Fact]
    public async Task A_wrong_password_is_unavailable_with_a_password_hint_but_no_password()
    {
        var role = await Database.CreateRoleAsync();
        var connectionString = new NpgsqlConnectionStringBuilder(role.ConnectionString) { Password = Canary }.ConnectionString;

        var error = await Should.ThrowAsync<DatabaseUnavailableException>(
            () => new PostgreSqlDialect(connectionString).OpenAsync(new SessionOptions { History = DefaultHistory }, CancellationToken.None));

        error.Message.ShouldContain("28P01");
        error.Message.ShouldContain($"user '{role.Name}'");
        error.Hint.ShouldNotBeNull().ShouldContain("check the password");
        ShouldNotLeak(error);
    }

    [Fact]
    public async Task A_missing_database_is_unavailable_with_a_create_hint()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = "no_such_db" }.ConnectionString;

        var error = await Should.ThrowAsync<DatabaseUnavailableException>(
            () => new PostgreSqlDialect(connectionString).OpenAsync(new SessionOptions { History = DefaultHistory }, CancellationToken.None));

        error.Message.ShouldContain("3D000");
        error.Hint.ShouldNotBeNull().ShouldContain("createdb no_such_db");
    }

    [Fact]
    public void A_malformed_connection_string_is_a_configuration_error_that_does_not_repeat_it()
    {
        var error = Should.Throw<ConfigurationException>(() => new PostgreSqlDialect($"Host=x;Password={Canary}x;Port=notanumber"));

        error.Category.ShouldBe(ErrorCategory.BadInput);
        ShouldNotLeak(error);
        error.ToString().ShouldNotContain("notanumber");
    }

    [Fact]
    public void A_bad_value_names_its_keyword_but_not_the_value()
    {
        var connectionString = new NpgsqlConnectionStringBuilder { Host = "x", Password = Canary }.ConnectionString + ";Port=notanumber";

        var error = Should.Throw<ConfigurationException>(() => new PostgreSqlDialect(connectionString));

        error.Message.ShouldBe("the PostgreSQL connection string is not valid: the value of 'port' has the wrong format");
        ShouldNotLeak(error);
    }

    [Fact]
    public async Task Sessions_identify_as_strata_and_record_the_current_user()
    {
        var session = await OpenAsync();

        session.AppliedBy.ShouldBe("postgres");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'strata'")).ShouldBe(1);
        new PostgreSqlDialect(Database.ConnectionString).Dialect.ToName().ShouldBe("postgresql");
    }

    [Fact]
    public async Task Disposing_a_session_closes_its_connections_and_releases_its_lock()
    {
        var session = await OpenAsync(new HistoryTableName("t"));
        await session.Lock.AcquireAsync(TimeSpan.FromSeconds(1), null, CancellationToken.None);

        await session.DisposeAsync();

        // The client has closed its connections; the server's backend leaves pg_stat_activity (and its locks) a moment
        // after, asynchronously, so the check waits for that (a connection left open never goes).
        (await EventuallyAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'strata'")).ShouldBe(0);
        (await EventuallyAsync("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).ShouldBe(0);
    }

    /// <summary>The count <paramref name="sql"/> returns once it is 0, or after 10 s whatever it is then.</summary>
    private async Task<long> EventuallyAsync(string sql)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long count;
        while ((count = await Database.ScalarAsync<long>(sql)) != 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        return count;
    }

    private static void ShouldNotLeak(Exception error)
    {
        foreach (var text in new[] { error.Message, error.ToString(), (error as StrataException)?.Hint ?? "" })
        {
            text.ShouldNotContain(Canary);
            text.ShouldNotContain(Canary[12..]);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
