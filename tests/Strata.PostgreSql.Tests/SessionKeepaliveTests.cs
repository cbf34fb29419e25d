using Npgsql;
using Strata.Conformance;
using Strata.Execution;

namespace Strata.PostgreSql.Tests;

/// <summary>
/// The server notices a silent Strata client fast (R04): the session's connection, which also holds the migration
/// lock, carries the documented keepalive settings; the client turns on TCP keepalive.
/// </summary>
public sealed class SessionKeepaliveTests : DialectTest
{
    private const string Settings = """
        SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings
        WHERE name IN ('tcp_keepalives_idle', 'tcp_keepalives_interval', 'tcp_keepalives_count', 'tcp_user_timeout', 'client_connection_check_interval')
        """;

    [Fact]
    public async Task Migrations_run_on_a_connection_with_the_main_keepalive_settings()
    {
        var migrations = new MigrationSet().Add(1, "seen", "CREATE TABLE seen AS " + Settings.Replace(" FROM pg_settings", " AS settings FROM pg_settings", StringComparison.Ordinal) + ";");

        var result = await new Migrator(new PostgreSqlDialect(Database.ConnectionString), migrations).MigrateAsync();

        result.FilesExecuted.ShouldBe(1);
        (await Database.ScalarAsync<string>("SELECT settings FROM seen")).ShouldBe(Expected(SessionKeepalive.Main));
    }

    [Fact]
    public async Task Settings_the_connection_string_gives_through_options_are_kept()
    {
        var builder = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Options = "-c tcp_keepalives_idle=77" };
        await using var dataSource = NpgsqlDataSource.Create(builder);
        await using var connection = await dataSource.OpenConnectionAsync();

        await SessionKeepalive.ApplyAsync(connection, SessionKeepalive.Main, CancellationToken.None);

        (await ScalarAsync(connection, "SHOW tcp_keepalives_idle")).ShouldBe("77");
        (await ScalarAsync(connection, "SHOW tcp_user_timeout")).ShouldBe("15000");
    }

    [Fact]
    public async Task A_database_without_plpgsql_still_connects()
    {
        await Database.ExecuteAsync("DROP EXTENSION plpgsql");

        var session = await OpenAsync();

        (await session.History.ReadAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public void The_client_turns_on_tcp_keepalive_unless_the_connection_string_configures_it()
    {
        var plain = new NpgsqlConnectionStringBuilder("Host=db;Username=app");
        SessionKeepalive.ConfigureClient(plain, plain.ConnectionString);
        (plain.TcpKeepAliveTime, plain.TcpKeepAliveInterval).ShouldBe((10, 5));

        var configured = new NpgsqlConnectionStringBuilder("Host=db;Username=app;Tcp Keepalive Time=600;Tcp Keepalive Interval=60");
        SessionKeepalive.ConfigureClient(configured, configured.ConnectionString);
        (configured.TcpKeepAliveTime, configured.TcpKeepAliveInterval).ShouldBe((600, 60));

        var off = new NpgsqlConnectionStringBuilder("Host=db;Username=app;Tcp Keepalive=false");
        SessionKeepalive.ConfigureClient(off, off.ConnectionString);
        off.TcpKeepAliveTime.ShouldBe(0);
    }

    /// <summary>What pg_settings shows for <paramref name="settings"/>: seconds and milliseconds as stored, sorted by name.</summary>
    private static string Expected(IReadOnlyList<(string Name, int Value)> settings) =>
        string.Join(' ', settings.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => $"{s.Name}={s.Value}"));

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
