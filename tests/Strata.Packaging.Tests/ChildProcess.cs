using System.Diagnostics;
using System.Text;

namespace Strata.Packaging.Tests;

/// <summary>
/// Runs dotnet and the installed tool as child processes with an explicit environment: variables that steer MSBuild
/// (set by the <c>dotnet test</c> that started this process) or Strata's database choice are removed, then the given
/// ones are set.
/// </summary>
internal static class ChildProcess
{
    private static readonly string[] SteeringPrefixes = ["MSBUILD", "DATABASE_URL", "DB_PATH", "POSTGRES_", "PG", "STRATA_"];

    /// <summary>The dotnet executable running these tests (the SDK's host), or <c>dotnet</c> on the PATH.</summary>
    public static string Dotnet { get; } = FindDotnet();

    /// <summary>The dotnet installation folder, for the tool's launcher (DOTNET_ROOT).</summary>
    public static string DotnetRoot => Path.GetDirectoryName(Dotnet) ?? "/usr/share/dotnet";

    /// <summary>A start of <paramref name="program"/> with redirected streams and the test's environment: the variables that steer .NET or Strata removed, then <paramref name="environment"/> set.</summary>
    public static ProcessStartInfo Prepare(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(IsSteering).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_ROOT"] = DotnetRoot;
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>
    /// Runs <paramref name="program"/> to completion; kills it (and its children) and reports the time limit when
    /// it runs longer than <paramref name="timeout"/>.
    /// </summary>
    public static ProcessResult Run(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var info = Prepare(program, arguments, workingDirectory, environment);
        var commandLine = string.Join(' ', new[] { program }.Concat(info.ArgumentList));
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(commandLine, -1, $"did not finish within {timeout.TotalSeconds:0} s and was killed\n{Read(output)}");
        }

        process.WaitForExit();
        return new ProcessResult(commandLine, process.ExitCode, Read(output));
    }

    private static bool IsSteering(string name) =>
        SteeringPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string FindDotnet()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = new FileInfo(Path.Combine(folder, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
            if (candidate.Exists)
            {
                return candidate.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate.FullName;
            }
        }

        throw new InvalidOperationException("dotnet is not on the PATH and DOTNET_HOST_PATH is unset: install the .NET 10 SDK");
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

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
