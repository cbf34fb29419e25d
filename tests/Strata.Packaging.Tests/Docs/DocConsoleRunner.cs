using System.Text;

namespace Strata.Packaging.Tests.Docs;

/// <summary>
/// Runs the commands of a checked console block one after another in one <c>bash</c> (so <c>export</c> and
/// <c>cd</c> carry on, as in the reader's terminal), in an empty temporary folder, with a <c>strata</c> on the PATH
/// that runs the CLI this checkout built (the JIT build beside the tests; the native tool has its own tests).
/// </summary>
internal static class DocConsoleRunner
{
    private const string StepMark = "\u001e strata-doc-step ";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>What each command printed (standard output and error, interleaved) and its exit code, in order.</summary>
    public static IReadOnlyList<(string Output, int ExitCode)> Run(DocConsoleBlock block)
    {
        var folder = Directory.CreateTempSubdirectory("strata-doc-");
        try
        {
            var work = Directory.CreateDirectory(Path.Combine(folder.FullName, "project")).FullName;
            var bin = Directory.CreateDirectory(Path.Combine(folder.FullName, "bin")).FullName;
            WriteShim(bin);
            var script = Path.Combine(folder.FullName, "block.sh");
            File.WriteAllText(script, Script(block));
            var environment = new Dictionary<string, string>
            {
                ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                ["NO_COLOR"] = "1",
                ["HOME"] = folder.FullName,
            };
            var result = ChildProcess.Run("bash", [script], work, environment, Timeout);
            return Split(result, block.Steps.Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The CLI assembly built with the tests' configuration (this project builds it first).</summary>
    public static string CliAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";
        return Path.Combine(RepositoryRoot.Path, "src", "Strata.Cli", "bin", configuration, "net10.0", "Strata.Cli.dll");
    }

    private static void WriteShim(string bin)
    {
        var shim = Path.Combine(bin, "strata");
        File.WriteAllText(shim, $"#!/bin/sh\nexec '{ChildProcess.Dotnet}' '{CliAssembly()}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static string Script(DocConsoleBlock block)
    {
        var script = new StringBuilder("exec 2>&1 </dev/null\n");
        foreach (var step in block.Steps)
        {
            script.Append(step.Command).Append('\n');
            script.Append($"printf '\\n{StepMark}%d\\n' $?\n");
        }

        return script.ToString();
    }

    private static List<(string Output, int ExitCode)> Split(ProcessResult result, int steps)
    {
        var parts = new List<(string, int)>();
        var output = new StringBuilder();
        foreach (var line in result.Output.Split('\n'))
        {
            if (line.StartsWith(StepMark, StringComparison.Ordinal))
            {
                parts.Add((output.ToString(), int.Parse(line[StepMark.Length..], System.Globalization.CultureInfo.InvariantCulture)));
                output.Clear();
            }
            else
            {
                output.Append(line).Append('\n');
            }
        }

        if (parts.Count != steps)
        {
            throw new InvalidOperationException($"the block's shell stopped after {parts.Count} of {steps} commands (exit code {result.ExitCode}):\n{result.Output}");
        }

        return parts;
    }
}
