using System.Globalization;

namespace Strata.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster of a test's own (TLS on, another listen address, a network namespace), built by
/// the same code as the shared server: initdb in a temporary folder, superuser <c>postgres</c> with a random
/// password, a free port, stopped and deleted on <see cref="Dispose"/> (and by a watchdog if the test process dies).
/// Throws with the server log and the fix when it cannot start.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly LocalCluster _cluster;

    private PostgresCluster(LocalCluster cluster) => _cluster = cluster;

    /// <summary>The superuser's name.</summary>
    public static string SuperUser => "postgres";

    /// <summary>The port the server listens on (on every listen address).</summary>
    public int Port => _cluster.Port;

    /// <summary>The superuser's password.</summary>
    public string Password => _cluster.Password;

    /// <summary>The server's data folder.</summary>
    public string DataDirectory => _cluster.DataDirectory;

    /// <summary>The server log file.</summary>
    public string LogFile => _cluster.LogFile;

    /// <summary>The superuser connection string over TCP to 127.0.0.1 (reachable only when not in a namespace).</summary>
    public string ConnectionString => _cluster.ConnectionString;

    /// <summary>Initialises and starts a cluster with <paramref name="options"/>.</summary>
    public static PostgresCluster Start(PostgresClusterOptions options) => new(LocalCluster.Start(options));

    /// <summary>A keyword connection string for the superuser to <paramref name="database"/> at <paramref name="host"/>.</summary>
    public string ConnectionStringAt(string host, string database = "postgres") =>
        $"Host={host};Port={Port.ToString(CultureInfo.InvariantCulture)};Username={SuperUser};Password={Password};Database={database}";

    /// <summary>The server log so far, for failure messages.</summary>
    public string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no server log)";

    /// <summary>Stops the server and deletes its folder.</summary>
    public void Dispose() => _cluster.Stop();
}
