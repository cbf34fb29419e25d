using System.Net;
using Strata.TestSupport;

namespace Strata.Packaging.Tests.Packages;

/// <summary>The native tool's runs of the commands that need a prepared database (adopt) or keep running (studio).</summary>
public sealed partial class NativeToolCommandTests
{
    /// <summary>adopt on a database golang-migrate left (its one-row schema_migrations), then status is clean.</summary>
    private async Task AdoptOnPostgresAsync(PostgresServer server)
    {
        await using var database = await server.CreateDatabaseAsync();
        var cli = Run(new Dictionary<string, string> { ["DATABASE_URL"] = PostgresUrl.From(database.ConnectionString) });
        cli.Write("strata.json", """{ "migrations": "migrations", "layout": "golang-migrate" }""");
        cli.Write("migrations/1_users.up.sql", "CREATE TABLE users (id int);\n").Write("migrations/1_users.down.sql", "DROP TABLE users;\n");
        await database.ExecuteAsync("CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (1, false); CREATE TABLE users (id int)");

        cli.Ok("adopt").ShouldContain("recorded 1 migration(s) from golang-migrate");
        cli.Ok("status").ShouldContain("Up to date");
    }

    /// <summary>studio serves its page and the tables of the SQLite database through the printed token address, then stops.</summary>
    private static async Task StudioOnSqliteAsync(NativeToolRun cli)
    {
        cli.Ok("migrate");
        using var studio = cli.Start("studio", "--no-open");
        try
        {
            var readLine = studio.StandardOutput.ReadLineAsync();
            (await Task.WhenAny(readLine, Task.Delay(TimeSpan.FromMinutes(1)))).ShouldBe(readLine, "studio printed no address within a minute");
            var url = (await readLine)?.Trim() ?? throw new ShouldAssertException("studio exited: " + await studio.StandardError.ReadToEndAsync());
            url.ShouldStartWith("http://127.0.0.1:");
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, CookieContainer = new CookieContainer() });
            (await http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await http.GetStringAsync(new Uri(new Uri(url), "/api/tables"))).ShouldContain("users");
        }
        finally
        {
            studio.Kill(entireProcessTree: true);
            await studio.WaitForExitAsync();
        }
    }
}
