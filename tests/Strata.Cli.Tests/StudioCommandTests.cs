using System.Net;
using Strata.Cli.Infrastructure;

namespace Strata.Cli.Tests;

/// <summary><c>strata studio</c>: prints the launch address, serves the configured database until cancelled (Ctrl+C), exits 0.</summary>
public sealed class StudioCommandTests
{
    [Fact]
    public async Task Studio_prints_a_token_address_for_the_configured_database_and_stops_on_cancel()
    {
        using var workspace = new Workspace().CopySample("quickstart");
        (await workspace.Cli().RunAsync("migrate")).ExitCode.ShouldBe(0);
        using var stdout = new LockedWriter();
        using var stderr = new LockedWriter();
        var variables = new Dictionary<string, string> { ["DATABASE_URL"] = workspace.Database };
        var host = new CliHost(stdout, stderr, new StringReader(""), variables, workspace.Root, InputIsInteractive: false, OutputIsTerminal: false);
        using var stop = new CancellationTokenSource();
        var run = StrataApp.RunAsync(["studio", "--no-open"], host, stop.Token);
        string? url = null;
        for (var i = 0; i < 600 && url is null && !run.IsCompleted; i++)
        {
            await Task.Delay(50);
            url = stdout.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))?.Trim();
        }

        url.ShouldNotBeNull($"no address printed; stderr: {stderr}");
        url.ShouldContain("/?token=");
        stderr.ToString().ShouldContain("read-only");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using (var page = await http.GetAsync(url))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await http.GetStringAsync(new Uri(new Uri(url), "/api/tables"))).ShouldContain("portfolios");
        stop.Cancel();
        (await run).ShouldBe(0);
        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(new Uri(new Uri(url), "/api/tables")));
    }

    [Fact]
    public async Task Studio_refuses_a_port_out_of_range()
    {
        using var workspace = new Workspace();
        var result = await workspace.Cli().RunAsync("studio", "--no-open", "--port", "70000");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--port 70000");
    }

    /// <summary>A StringWriter the studio's thread and the test's can share.</summary>
    private sealed class LockedWriter : StringWriter
    {
        private readonly Lock _lock = new();

        public override void Write(char value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_lock)
            {
                base.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_lock)
            {
                base.Write(buffer, index, count);
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                return base.ToString();
            }
        }
    }
}
