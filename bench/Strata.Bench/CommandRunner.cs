using System.Diagnostics;
using System.Text;

namespace Strata.Bench;

/// <summary>
/// Runs one external command (psql, strata, a peer) and returns its wall-clock time from start to exit; output is
/// captured, not shown. A non-zero exit or a run past the timeout throws with the command, the exit code and the
/// output's tail, so a broken peer stops the harness instead of being timed.
/// </summary>
internal static class CommandRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    public static async Task<TimeSpan> TimeAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', info.ArgumentList)} ran longer than {Timeout}");
        }

        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode} in {workingDirectory}:\n{Tail(output)}");
        }

        return stopwatch.Elapsed;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Tail(StringBuilder output)
    {
        lock (output)
        {
            var text = output.ToString();
            return text.Length <= 4000 ? text : "…" + text[^4000..];
        }
    }
}
