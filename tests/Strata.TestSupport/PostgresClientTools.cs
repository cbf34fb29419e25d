using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Strata.TestSupport;

/// <summary>
/// <c>psql</c> and <c>pg_dump</c>: the newest at hand (<see cref="PostgresClientPrograms"/>: the cache's PostgreSQL 18
/// build, Debian's, PATH), new enough for every major the tests run on. They connect with the server's host, port, user and password
/// through PG* environment variables, never through the command line.
/// </summary>
public sealed class PostgresClientTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _binDirectory;

    private PostgresClientTools(string binDirectory) => _binDirectory = binDirectory;

    public string Psql => Path.Combine(_binDirectory, "psql");

    public string PgDump => Path.Combine(_binDirectory, "pg_dump");

    /// <summary>
    /// The newest psql and pg_dump at hand (see <see cref="PostgresClientPrograms"/>); throws saying how to get them
    /// when none is at least the version of a server of <paramref name="serverVersionNumber"/>.
    /// </summary>
    public static Task<PostgresClientTools> FindAsync(int serverVersionNumber) =>
        Task.Run(() => new PostgresClientTools(PostgresClientPrograms.Find(serverVersionNumber / 10000).BinDirectory));

    /// <summary>
    /// <c>pg_dump</c> of <paramref name="connectionString"/>'s database with <paramref name="arguments"/> (plain format),
    /// made comparable with <see cref="DumpText.Normalise"/>; throws with pg_dump's output when it fails.
    /// </summary>
    public async Task<string> DumpAsync(string connectionString, string databaseName, params string[] arguments)
    {
        var result = await RunAsync(PgDump, arguments, connectionString, Path.GetTempPath());
        return result.ExitCode == 0
            ? DumpText.Normalise(result.Output, databaseName)
            : throw new InvalidOperationException($"pg_dump {string.Join(' ', arguments)} of {databaseName} failed: {result.Describe()}");
    }

    /// <summary>
    /// Runs <paramref name="program"/> against <paramref name="connectionString"/>'s database (no connection when
    /// null) and returns its output; kills it after a minute.
    /// </summary>
    public static async Task<ToolResult> RunAsync(string program, IReadOnlyList<string> arguments, string? connectionString, string workingDirectory)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        SetEnvironment(info, connectionString);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ToolResult(-1, await output, $"{Path.GetFileName(program)} did not finish within {Timeout.TotalSeconds:0} s and was killed\n{await error}");
        }

        return new ToolResult(process.ExitCode, await output, await error);
    }

    /// <summary>Only our PG* variables reach the tool: the caller's PGSERVICE, PGOPTIONS or PGPASSFILE must not steer it.</summary>
    private static void SetEnvironment(ProcessStartInfo info, string? connectionString)
    {
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal) || k == "PSQLRC").ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["LC_ALL"] = "C";
        info.Environment["PGCLIENTENCODING"] = "UTF8";
        if (connectionString is null)
        {
            return;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        info.Environment["PGHOST"] = builder.Host;
        info.Environment["PGPORT"] = builder.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = builder.Username;
        info.Environment["PGPASSWORD"] = builder.Password;
        info.Environment["PGDATABASE"] = builder.Database;
        info.Environment["PGCONNECT_TIMEOUT"] = "10";
        info.Environment["PGAPPNAME"] = "strata-tests-corpus";
        if (SslMode(builder.SslMode) is { } sslMode)
        {
            info.Environment["PGSSLMODE"] = sslMode;
        }
    }

    private static string? SslMode(SslMode mode) => mode switch
    {
        Npgsql.SslMode.Disable => "disable",
        Npgsql.SslMode.Require => "require",
        Npgsql.SslMode.VerifyCA => "verify-ca",
        Npgsql.SslMode.VerifyFull => "verify-full",
        _ => null,
    };
}
