using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Strata.TestSupport;

namespace Strata.Cli.Tests.Postgres;

/// <summary>
/// A canary password (reliability R21) never reaches stdout or stderr, whichever way it is given and however the
/// connection fails. Every run is a real strata process, as a user or CI job starts it.
/// </summary>
public sealed class PostgresSecretTests : PostgresCliTest
{
    private readonly Canary _canary = new();

    [Fact]
    public async Task An_unreachable_database_exits_5_and_never_shows_the_password()
    {
        var port = ClosedLoopbackPort();
        var url = $"postgres://app:{_canary.UrlEncoded}@127.0.0.1:{port}/appdb";
        var viaUrl = new Dictionary<string, string> { ["DATABASE_URL"] = url };
        var viaVariables = PostgresVariables("127.0.0.1", port, "app", "appdb");

        var runs = await RunAllAsync(
            ("DATABASE_URL status", viaUrl, ["status"]),
            ("DATABASE_URL migrate", viaUrl, ["migrate"]),
            ("DATABASE_URL migrate --verbose", viaUrl, ["migrate", "--verbose"]),
            ("DATABASE_URL status --json", viaUrl, ["status", "--json"]),
            ("--database status", [], ["status", "--database", url]),
            ("--database migrate --verbose --json", [], ["migrate", "--verbose", "--json", "--database", url]),
            ("POSTGRES_PASSWORD migrate --verbose", viaVariables, ["migrate", "--verbose"]),
            ("POSTGRES_PASSWORD status --json", viaVariables, ["status", "--json"]),
            ("PGPASSWORD migrate --verbose --json", LibpqVariables(port), ["migrate", "--verbose", "--json"]));

        foreach (var (run, result) in runs)
        {
            result.ExitCode.ShouldBe(5, $"{run}\n{result}");
            result.Stderr.ShouldContain($"127.0.0.1:{port}", Case.Sensitive, run);
            _canary.ShouldNotLeakInto(result, run);
        }

        runs.Single(r => r.Run == "--database status").Result.Stderr.ShouldContain("password was given on the command line");
        runs.Single(r => r.Run == "DATABASE_URL status --json").Result.Stdout.ShouldContain("\"exitCode\": 5");
    }

    [Fact]
    public async Task A_wrong_password_exits_5_and_never_shows_the_password()
    {
        var role = await Database.CreateRoleAsync();
        var (host, port) = PostgresUrl.Endpoint(Database.ConnectionString);
        var url = PostgresUrl.From(role.ConnectionString, _canary.Password);
        var viaUrl = new Dictionary<string, string> { ["DATABASE_URL"] = url };

        var runs = await RunAllAsync(
            ("DATABASE_URL status", viaUrl, ["status"]),
            ("DATABASE_URL migrate", viaUrl, ["migrate"]),
            ("DATABASE_URL migrate --verbose", viaUrl, ["migrate", "--verbose"]),
            ("DATABASE_URL status --json", viaUrl, ["status", "--json"]),
            ("--database migrate --verbose", [], ["migrate", "--verbose", "--database", url]),
            ("POSTGRES_PASSWORD status --verbose", PostgresVariables(host, port, role.Name, Database.Name), ["status", "--verbose"]));

        foreach (var (run, result) in runs)
        {
            result.ExitCode.ShouldBe(5, $"{run}\n{result}");
            result.Stderr.ShouldContain("28P01", Case.Sensitive, run);
            result.Stderr.ShouldContain(role.Name, Case.Sensitive, run);
            _canary.ShouldNotLeakInto(result, run);
        }
    }

    [Fact]
    public async Task A_malformed_url_or_keyword_string_holding_the_password_never_shows_it()
    {
        var port = ClosedLoopbackPort();
        var raw = $"postgres://app:{_canary.Password}@127.0.0.1:{port}/appdb";
        var unquoted = $"Host=127.0.0.1;Port={port};Username=app;Password={_canary.Password};Database=appdb";
        var keywords = $"Host=127.0.0.1;Port={port};Username=app;Password='{_canary.Password.Replace("'", "''", StringComparison.Ordinal)}';Database=appdb";

        var runs = await RunAllAsync(
            ("unencoded URL in DATABASE_URL", new Dictionary<string, string> { ["DATABASE_URL"] = raw }, ["status", "--verbose"]),
            ("unencoded URL in --database", [], ["status", "--json", "--database", raw]),
            ("unquoted keyword string in DATABASE_URL", new Dictionary<string, string> { ["DATABASE_URL"] = unquoted }, ["status", "--verbose", "--json"]),
            ("keyword string in DATABASE_URL", new Dictionary<string, string> { ["DATABASE_URL"] = keywords }, ["migrate", "--verbose"]));

        foreach (var (run, result) in runs)
        {
            var malformed = run.StartsWith("un", StringComparison.Ordinal);
            result.ExitCode.ShouldBe(malformed ? 2 : 5, $"{run}\n{result}");
            result.Stderr.ShouldContain(malformed ? "hint:" : "cannot connect", Case.Sensitive, run);
            _canary.ShouldNotLeakInto(result, run);
        }
    }

    private Dictionary<string, string> PostgresVariables(string host, int port, string user, string database) => new()
    {
        ["POSTGRES_HOST"] = host,
        ["POSTGRES_PORT"] = port.ToString(CultureInfo.InvariantCulture),
        ["POSTGRES_USER"] = user,
        ["POSTGRES_PASSWORD"] = _canary.Password,
        ["POSTGRES_DB"] = database,
    };

    private Dictionary<string, string> LibpqVariables(int port) => new()
    {
        ["PGHOST"] = "127.0.0.1",
        ["PGPORT"] = port.ToString(CultureInfo.InvariantCulture),
        ["PGUSER"] = "app",
        ["PGPASSWORD"] = _canary.Password,
        ["PGDATABASE"] = "appdb",
    };

    private async Task<(string Run, CliResult Result)[]> RunAllAsync(params (string Run, Dictionary<string, string> Variables, string[] Args)[] runs) =>
        await Task.WhenAll(runs.Select(async r => (r.Run, await StrataProcess.RunAsync(Workspace.Root, r.Variables, TimeSpan.FromSeconds(60), r.Args))));

    /// <summary>A loopback port nothing listens on: a free one, bound and released again.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
