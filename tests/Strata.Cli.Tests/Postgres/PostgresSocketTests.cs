using Strata.TestSupport;

namespace Strata.Cli.Tests.Postgres;

/// <summary>Connections through the server's Unix-domain socket, as a local user on Debian connects (<c>postgresql:///db</c>).</summary>
public sealed class PostgresSocketTests : PostgresCliTest
{
    [Fact]
    public async Task Migrate_and_status_connect_through_the_unix_socket_folder()
    {
        var folder = await Database.ScalarAsync<string>("SELECT split_part(current_setting('unix_socket_directories'), ',', 1)");
        folder.ShouldNotBeNullOrWhiteSpace("the test server listens on a Unix socket (LocalCluster's unix_socket_directories)");
        var url = PostgresUrl.From(new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = folder!.Trim() }.ConnectionString);
        Workspace.Write("001_t.sql", "CREATE TABLE t (id int);\n");

        var migrate = await new Cli(Workspace.Root).With("DATABASE_URL", url).RunAsync("migrate");
        var status = await new Cli(Workspace.Root).With("DATABASE_URL", url).RunAsync("status");

        url.ShouldContain("?host=%2F");
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        status.ExitCode.ShouldBe(0, status.ToString());
        (await HistoryRowsAsync()).ShouldBe(1);
    }
}
