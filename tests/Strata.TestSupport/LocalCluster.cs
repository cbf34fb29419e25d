using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Strata.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster in a temporary folder: initdb, start on a free loopback port, stop and delete.
/// When the tests run as root, the server runs as the <c>postgres</c> system user (PostgreSQL refuses root).
/// </summary>
internal sealed class LocalCluster
{
    private const string SuperUser = "postgres";
    private const int StartAttempts = 5;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(90);

    private readonly PostgresBinaries _binaries;
    private readonly ProcessRunner _runner;
    private readonly object _stopLock = new();
    private bool _stopped;

    private readonly PostgresClusterOptions _options;

    private LocalCluster(PostgresBinaries binaries, ProcessRunner runner, string folder, string password, PostgresClusterOptions options)
    {
        _options = options;
        _binaries = binaries;
        _runner = runner;
        Folder = folder;
        Password = password;
    }

    public string Folder { get; }

    /// <summary>The folder of the server programs this cluster runs.</summary>
    public string BinDirectory => _binaries.BinDirectory;

    public string DataDirectory => Path.Combine(Folder, "data");

    public string LogFile => Path.Combine(Folder, "server.log");

    public string Password { get; }

    public int Port { get; private set; }

    /// <summary>The superuser connection string (TCP, SCRAM password) to the <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={SuperUser};Password={Password};Database=postgres";

    /// <summary>Creates, initialises and starts a cluster; throws with the server log and the fix when it cannot.</summary>
    public static LocalCluster Start(PostgresClusterOptions? options = null)
    {
        var binaries = PostgresBinaries.Find();
        var runAs = IsRoot() ? SystemPostgresUser() : null;
        var folder = CreateFolder(runAs);
        var cluster = new LocalCluster(binaries, new ProcessRunner(runAs), folder, RandomPassword(), options ?? new PostgresClusterOptions());
        try
        {
            cluster.StartWatchdog();
            cluster.InitDb();
            cluster.StartServer();
            return cluster;
        }
        catch
        {
            cluster.Stop();
            throw;
        }
    }

    /// <summary>Stops the server (fast, then immediate) and deletes the folder; safe to call more than once.</summary>
    public void Stop()
    {
        lock (_stopLock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            var fast = PgCtl(["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "20"], TimeSpan.FromSeconds(30));
            if (fast.ExitCode != 0)
            {
                PgCtl(["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "20"], TimeSpan.FromSeconds(30));
            }
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A server that refused to stop may still hold files; the watchdog retries the deletion.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static string SystemPostgresUser()
    {
        var passwd = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd") : [];
        if (!passwd.Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException(
                "the tests run as root, and PostgreSQL refuses to run as root, but there is no 'postgres' system user "
                + "to run it as. To fix: " + PostgresBinaries.HowToFix + " (the Debian package creates the user), or run the tests as a normal user");
        }

        return "postgres";
    }

    private static string CreateFolder(string? owner)
    {
        // As root the server user must reach the folder; TMPDIR may be under /root, so use /tmp then.
        var parent = owner is null ? Path.GetTempPath() : "/tmp";
        var folder = Path.Combine(parent, "strata-pg-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (owner is not null)
        {
            var chown = new ProcessRunner(null).Run("chown", [owner + ":", folder], "/", TimeSpan.FromSeconds(30));
            if (chown.ExitCode != 0)
            {
                throw new InvalidOperationException($"could not give {folder} to the {owner} user: {chown.Output}");
            }
        }

        return folder;
    }

    private static string RandomPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));

    private void InitDb()
    {
        var passwordFile = Path.Combine(Folder, "pwfile");
        File.WriteAllText(passwordFile, Password + "\n");
        if (_runner.RunAsUser is { } user)
        {
            _runner.Run("chown", [user + ":", passwordFile], "/", TimeSpan.FromSeconds(30));
        }

        var result = _runner.Run(
            _binaries.InitDb,
            ["-D", DataDirectory, "-U", SuperUser, "--pwfile=" + passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
            Folder,
            ToolTimeout);
        File.Delete(passwordFile);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb ({_binaries.InitDb}) failed with exit code {result.ExitCode}:\n{result.Output}\nTo fix: {PostgresBinaries.HowToFix}");
        }

        var settings = new StringBuilder()
            .AppendLine()
            .AppendLine("# Strata test cluster: loopback only, socket in the temporary folder, durability off for speed.")
            .AppendLine(CultureInfo.InvariantCulture, $"listen_addresses = '{_options.ListenAddresses}'")
            .AppendLine(CultureInfo.InvariantCulture, $"unix_socket_directories = '{Folder}'")
            .AppendLine("fsync = off")
            .AppendLine("synchronous_commit = off")
            .AppendLine("full_page_writes = off")
            .AppendLine("max_connections = 200")
            .AppendLine("shared_buffers = 64MB")
            .AppendLine("autovacuum = off")
            .AppendLine("log_min_messages = warning")
            .ToString();
        File.AppendAllText(Path.Combine(DataDirectory, "postgresql.conf"), settings + string.Join('\n', _options.Settings) + "\n");
        File.AppendAllText(Path.Combine(DataDirectory, "pg_hba.conf"), "\n" + string.Join('\n', _options.HbaLines) + "\n");
        foreach (var (name, text) in _options.DataFiles)
        {
            var path = Path.Combine(DataDirectory, name);
            File.WriteAllText(path, text);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            if (_runner.RunAsUser is { } owner)
            {
                // The tests run as root here, the server as its own user: give it the file (0600 keeps others out).
                var chown = new ProcessRunner(null).Run("chown", [owner + ":", path], "/", TimeSpan.FromSeconds(30));
                if (chown.ExitCode != 0)
                {
                    throw new InvalidOperationException($"could not give {path} to the {owner} user: {chown.Output}");
                }
            }
        }
    }

    private void StartServer()
    {
        var failures = new StringBuilder();
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            Port = FreeLoopbackPort();
            string[] start = ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", "-p " + Port.ToString(CultureInfo.InvariantCulture)];
            var result = _options.NetworkNamespace is { } space
                ? new ProcessRunner(null).Run("ip", ["netns", "exec", space, .. _runner.CommandLine(_binaries.PgCtl, start)], Folder, ToolTimeout)
                : PgCtl(start, ToolTimeout);
            if (result.ExitCode == 0)
            {
                return;
            }

            var log = ReadLog();
            failures.AppendLine(CultureInfo.InvariantCulture, $"attempt {attempt} on port {Port}: pg_ctl exit code {result.ExitCode}\n{result.Output}\n{log}");
            if (!log.Contains("could not bind", StringComparison.Ordinal) && !log.Contains("could not create any TCP/IP sockets", StringComparison.Ordinal))
            {
                break;
            }

            // Another process took the port between probing and binding: stop whatever started and try another.
            PgCtl(["stop", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "10"], TimeSpan.FromSeconds(20));
        }

        throw new InvalidOperationException($"the throwaway PostgreSQL server in {Folder} did not start:\n{failures}\nTo fix: {PostgresBinaries.HowToFix}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Starts a detached shell that stops the server and deletes the folder once this test process is gone,
    /// even when it was killed; it exits by itself after a normal <see cref="Stop"/> removed the folder.
    /// </summary>
    private void StartWatchdog()
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1" 2>/dev/null && [ -d "$2" ]; do sleep 1; done
            if [ -d "$2" ]; then
              shift 2
              "$@" stop -D "$DATA" -m immediate -w -t 20
              rm -rf "$FOLDER"
            fi
            """;
        var stop = _runner.CommandLine(_binaries.PgCtl, []);
        var fullScript = $"DATA='{DataDirectory}'; FOLDER='{Folder}'\n{script}";
        ProcessRunner.StartDetached(fullScript, new[] { Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Folder }.Concat(stop));
    }

    private ProcessResult PgCtl(IEnumerable<string> arguments, TimeSpan timeout) =>
        _runner.Run(_binaries.PgCtl, arguments, Folder, timeout);

    private string ReadLog()
    {
        try
        {
            return File.Exists(LogFile) ? "server log:\n" + File.ReadAllText(LogFile) : "(no server log)";
        }
        catch (IOException e)
        {
            return "(server log unreadable: " + e.Message + ")";
        }
    }
}
