using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Strata.Reliability.Tests.Network;

/// <summary>
/// A PgBouncer (Debian's <c>pgbouncer</c> package) on a free loopback port in front of a test server (R07), in
/// transaction or session pooling mode. Clients log in to it without a password (<c>auth_type = trust</c>, user
/// <c>postgres</c>); it logs in to the server with the superuser's password. It runs as the <c>postgres</c> user
/// (it refuses root) in the foreground as a child of the test, is killed on <see cref="Dispose"/>, and by a
/// watchdog if the test process dies first.
/// </summary>
internal sealed class PgBouncer : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly Watchdog _watchdog;

    private PgBouncer(Process process, string folder, int port, Watchdog watchdog)
    {
        _process = process;
        _folder = folder;
        Port = port;
        _watchdog = watchdog;
    }

    /// <summary>The loopback port clients connect to.</summary>
    public int Port { get; }

    /// <summary>The log so far, for failure messages.</summary>
    public string Log => File.Exists(Path.Combine(_folder, "pgbouncer.log")) ? File.ReadAllText(Path.Combine(_folder, "pgbouncer.log")) : "(no log)";

    /// <summary>Starts a pooler in <paramref name="poolMode"/> (<c>transaction</c> or <c>session</c>) for the server of <paramref name="serverConnectionString"/>.</summary>
    public static async Task<PgBouncer> StartAsync(string poolMode, string serverConnectionString)
    {
        HostTool.Require("R07 (PgBouncer)", ("pgbouncer", "pgbouncer"), ("setpriv", "util-linux"));
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString);
        var folder = Path.Combine("/tmp", "strata-pgbouncer-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        File.WriteAllText(Path.Combine(folder, "userlist.txt"), $"\"{server.Username}\" \"\"\n");
        File.WriteAllText(Path.Combine(folder, "pgbouncer.ini"), $"""
            [databases]
            * = host={server.Host} port={server.Port.ToString(CultureInfo.InvariantCulture)} user={server.Username} password={server.Password}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port.ToString(CultureInfo.InvariantCulture)}
            unix_socket_dir =
            auth_type = trust
            auth_file = {folder}/userlist.txt
            pool_mode = {poolMode}
            default_pool_size = 4
            max_client_conn = 100
            logfile = {folder}/pgbouncer.log
            ignore_startup_parameters = extra_float_digits,search_path
            """);
        HostTool.Check("chown", ["-R", "postgres:", folder]);
        var info = new ProcessStartInfo(HostTool.Find("setpriv")!)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", HostTool.Find("pgbouncer")!, Path.Combine(folder, "pgbouncer.ini") })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start pgbouncer");
        process.StandardInput.Close();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var watchdog = Watchdog.Start($"kill -9 {process.Id.ToString(CultureInfo.InvariantCulture)}; rm -rf {folder}");
        var bouncer = new PgBouncer(process, folder, port, watchdog);
        try
        {
            await bouncer.WaitUntilListeningAsync();
            return bouncer;
        }
        catch
        {
            bouncer.Dispose();
            throw;
        }
    }

    /// <summary>A postgres:// URL through the pooler to <paramref name="database"/> as <paramref name="user"/> (no password: trust).</summary>
    public string Url(string database, string user = "postgres") =>
        $"postgres://{user}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{database}?sslmode=disable";

    /// <summary>Kills the pooler and deletes its folder.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
        _watchdog.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"pgbouncer exited with code {_process.ExitCode} at start:\n{Log}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"pgbouncer did not listen on 127.0.0.1:{Port} within 15 s:\n{Log}");
    }
}
