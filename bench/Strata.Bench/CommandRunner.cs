using System.Diagnostics;
using System.Text;

namespace Strata.Bench;

/// <summary>
/// Runs one external command (psql, strata, a peer) and returns its wall-clock time from start to exit and, when
/// asked, its peak resident set size (GNU time's <c>%M</c>, from the kernel's accounting of the exited process);
/// output is captured, not shown. An exit code other than 0 (or one of <c>allowedExitCodes</c>) or a run past the
/// timeout throws with the command, the exit code and the output's tail, so a broken peer stops the harness instead
/// of being timed.
/// </summary>
internal static class CommandRunner
{
    private const string GnuTime = "/usr/bin/time";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    public static async Task<TimeSpan> TimeAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null) =>
        (await RunAsync(program, arguments, workingDirectory, environment).ConfigureAwait(false)).Elapsed;

    /// <summary>
    /// Runs the command; with <paramref name="measureMemory"/> it runs under GNU time (<c>/usr/bin/time -f %M</c>,
    /// which adds its own fork and exec, about a millisecond, to the wall time) and reports the peak RSS.
    /// </summary>
    public static async Task<CommandResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null,
        bool measureMemory = false,
        IReadOnlyCollection<int>? allowedExitCodes = null)
    {
        string? memoryFile = null;
        if (measureMemory)
        {
            if (!File.Exists(GnuTime))
            {
                throw new InvalidOperationException($"measuring peak memory needs GNU time at {GnuTime}: apt-get install time");
            }

            memoryFile = Path.GetTempFileName();
            arguments = new[] { "-f", "%M", "-o", memoryFile, program }.Concat(arguments);
            program = GnuTime;
        }

        try
        {
            var elapsed = await RunProcessAsync(program, arguments, workingDirectory, environment, allowedExitCodes ?? [0]).ConfigureAwait(false);
            return new CommandResult(elapsed, memoryFile is null ? null : PeakKilobytes(memoryFile));
        }
        finally
        {
            if (memoryFile is not null)
            {
                File.Delete(memoryFile);
            }
        }
    }

    /// <summary>The last line of GNU time's output file: the peak RSS in kilobytes.</summary>
    private static long PeakKilobytes(string file) =>
        long.Parse(File.ReadAllLines(file).Last(l => l.Length > 0).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<TimeSpan> RunProcessAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment, IReadOnlyCollection<int> allowedExitCodes)
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
        if (!allowedExitCodes.Contains(process.ExitCode))
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
