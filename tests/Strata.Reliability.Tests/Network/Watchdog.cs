using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Strata.Reliability.Tests.Network;

/// <summary>
/// Cleans up what a test set up outside its own process (network namespaces, a PgBouncer) if the test process dies
/// before its own cleanup: a detached shell polls the test process and a marker file every second; disposing
/// removes the marker, and the shell exits without doing anything.
/// </summary>
internal sealed class Watchdog : IDisposable
{
    private readonly string _marker;

    private Watchdog(string marker) => _marker = marker;

    /// <summary>Starts a watchdog that runs <paramref name="cleanup"/> (POSIX shell) once this process is gone.</summary>
    public static Watchdog Start(string cleanup)
    {
        var marker = Path.Combine(Path.GetTempPath(), "strata-watchdog-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        File.WriteAllText(marker, cleanup);
        const string script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1" 2>/dev/null && [ -e "$2" ]; do sleep 1; done
            if [ -e "$2" ]; then rm -f "$2"; shift 2; eval "$1"; fi
            """;
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var argument in new[] { "-f", "/bin/sh", "-c", script, "strata-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), marker, cleanup })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start setsid for the watchdog");
        process.StandardInput.Close();
        process.WaitForExit();
        return new Watchdog(marker);
    }

    /// <summary>Tells the watchdog the test cleaned up by itself.</summary>
    public void Dispose() => File.Delete(_marker);
}
