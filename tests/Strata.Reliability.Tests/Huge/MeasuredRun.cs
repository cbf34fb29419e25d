using System.Diagnostics;
using Strata.TestSupport;

namespace Strata.Reliability.Tests.Huge;

/// <summary>
/// Runs the built CLI as a real process (like <see cref="StrataProcess"/>, whose output is only read at the end)
/// while recording when each output line arrived and the process's peak resident set size, polled from
/// <c>/proc/&lt;pid&gt;/status</c> (<c>VmHWM</c>, the kernel's own high-water mark, so a short peak between two
/// polls still counts). The process is killed if it outlives its timeout or the test fails.
/// </summary>
internal sealed record MeasuredRun(int ExitCode, IReadOnlyList<(TimeSpan At, string Text)> Lines, long PeakRssBytes, TimeSpan Elapsed)
{
    public string Output => string.Join('\n', Lines.Select(l => $"[{l.At.TotalSeconds,7:0.0}s] {l.Text}"));

    /// <summary>The longest time without any output line, from the start to the exit.</summary>
    public TimeSpan LongestSilence
    {
        get
        {
            var previous = TimeSpan.Zero;
            var longest = TimeSpan.Zero;
            foreach (var at in Lines.Select(l => l.At).Append(Elapsed))
            {
                longest = at - previous > longest ? at - previous : longest;
                previous = at;
            }

            return longest;
        }
    }

    public static async Task<MeasuredRun> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var lines = new List<(TimeSpan, string)>();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = StartInfo(workingDirectory, args) };
        process.OutputDataReceived += (_, e) => Add(lines, clock, e.Data);
        process.ErrorDataReceived += (_, e) => Add(lines, clock, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var stop = new CancellationTokenSource();
        var peak = PeakRssPoller.Start(process.Id, stop.Token);
        try
        {
            using var limit = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(limit.Token);
            process.WaitForExit();
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"strata {string.Join(' ', args.Take(1))} did not finish within {timeout.TotalSeconds:0} s and was killed");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            await stop.CancelAsync();
        }

        var elapsed = clock.Elapsed;
        var rss = peak.Wait();
        lock (lines)
        {
            return new MeasuredRun(process.ExitCode, [.. lines], rss, elapsed);
        }
    }

    /// <summary><c>dotnet Strata.Cli.dll args…</c> without the test process's database and Strata variables.</summary>
    private static ProcessStartInfo StartInfo(string workingDirectory, string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(StrataProcess.CliAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(n => n is "DATABASE_URL" || n.StartsWith("PG", StringComparison.Ordinal) || n.StartsWith("STRATA_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        return info;
    }

    private static void Add(List<(TimeSpan, string)> lines, Stopwatch clock, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add((clock.Elapsed, line));
            }
        }
    }

    private static string DotnetHost()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"), Environment.ProcessPath })
        {
            if (candidate is not null && File.Exists(candidate) && Path.GetFileNameWithoutExtension(candidate) == "dotnet")
            {
                return candidate;
            }
        }

        return "dotnet";
    }
}
