using System.Diagnostics;
using System.Text;

namespace Strata.TestSupport;

/// <summary>Runs the PostgreSQL command-line tools, as another OS user when the tests run as root.</summary>
internal sealed class ProcessRunner
{
    private readonly string? _runAsUser;

    public ProcessRunner(string? runAsUser) => _runAsUser = runAsUser;

    /// <summary>The user the tools run as, or null for the current user.</summary>
    public string? RunAsUser => _runAsUser;

    /// <summary>The command line that runs <paramref name="program"/> as the configured user.</summary>
    public IReadOnlyList<string> CommandLine(string program, IEnumerable<string> arguments)
    {
        var line = new List<string>();
        if (_runAsUser is not null)
        {
            line.AddRange(["runuser", "-u", _runAsUser, "--"]);
        }

        line.Add(program);
        line.AddRange(arguments);
        return line;
    }

    /// <summary>Runs a tool to completion and returns its exit code and combined output.</summary>
    public ProcessResult Run(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var line = CommandLine(program, arguments);
        var info = new ProcessStartInfo(line[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in line.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        // Libpq variables of the caller must not steer the throwaway cluster's tools.
        foreach (var name in new[] { "PGDATA", "PGPORT", "PGHOST", "PGUSER", "PGDATABASE", "PGPASSWORD", "PGOPTIONS" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["LC_ALL"] = "C";
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
            return new ProcessResult(-1, $"{string.Join(' ', line)} did not finish within {timeout.TotalSeconds:0} s and was killed\n{Read(output)}");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, Read(output));
    }

    /// <summary>Starts a detached shell script (reparented to init) that outlives this process.</summary>
    public static void StartDetached(string script, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var argument in new[] { "-f", "/bin/sh", "-c", script, "strata-pg-watchdog" }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start setsid");
        process.StandardInput.Close();
        process.WaitForExit();
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
