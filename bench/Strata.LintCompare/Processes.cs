using System.Diagnostics;
using System.Text;

namespace Strata.LintCompare;

/// <summary>Runs a linter and returns its standard output and how long it took; any exit code is accepted (findings exit non-zero).</summary>
internal static class Processes
{
    public static (string Output, TimeSpan Elapsed) Run(string program, IEnumerable<string> arguments, string workingDirectory)
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

        var output = new StringBuilder();
        var error = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => error.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        stopwatch.Stop();
        if (output.ToString().Trim().Length == 0 && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', info.ArgumentList.Take(6))} … exited with {process.ExitCode}: {error}");
        }

        return (output.ToString(), stopwatch.Elapsed);
    }
}
