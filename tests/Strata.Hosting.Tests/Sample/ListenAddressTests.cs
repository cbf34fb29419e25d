using System.Net;
using System.Net.Sockets;
using Strata.TestSupport;

namespace Strata.Hosting.Tests.Sample;

/// <summary>
/// The sample listens where ASP.NET Core is told to (ASPNETCORE_URLS, --urls), so replicas started the usual way do
/// not collide on one port; PORT is only the fallback. On SQLite: the address is the point, not the database.
/// </summary>
public sealed class ListenAddressTests
{
    [Fact]
    public async Task Aspnetcore_urls_decides_where_the_sample_listens_over_port()
    {
        using var folder = new TempDirectory();
        var wanted = WebAppProcess.FreePort();
        var variables = Sqlite(folder);
        variables["ASPNETCORE_URLS"] = $"http://127.0.0.1:{wanted}";
        using var app = WebAppProcess.Start(folder.Path, variables, servePort: wanted);

        await app.WaitUntilServingAsync(TimeSpan.FromSeconds(60));

        (await app.GetAsync("/health")).Status.ShouldBe(HttpStatusCode.OK, app.Output);
        NothingListens(app.PortVariable).ShouldBeTrue($"PORT {app.PortVariable} must not be used when ASPNETCORE_URLS is set\n{app.Output}");
    }

    [Fact]
    public async Task Urls_on_the_command_line_decide_where_the_sample_listens_over_port()
    {
        using var folder = new TempDirectory();
        var wanted = WebAppProcess.FreePort();
        using var app = WebAppProcess.Start(folder.Path, Sqlite(folder), ["--urls", $"http://127.0.0.1:{wanted}"], servePort: wanted);

        await app.WaitUntilServingAsync(TimeSpan.FromSeconds(60));

        (await app.GetAsync("/health")).Status.ShouldBe(HttpStatusCode.OK, app.Output);
        NothingListens(app.PortVariable).ShouldBeTrue($"PORT {app.PortVariable} must not be used when --urls is given\n{app.Output}");
    }

    private static Dictionary<string, string> Sqlite(TempDirectory folder) => new()
    {
        ["DATABASE_URL"] = "sqlite:" + Path.Combine(folder.Path, "app.db"),
        ["MIGRATIONS_PATH"] = WebAppProcess.BuiltMigrations,
    };

    private static bool NothingListens(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(IPAddress.Loopback, port);
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
