using System.Diagnostics;
using System.Text;

namespace Strata.Reliability.Tests.Network;

/// <summary>
/// Runs the host tools the network scenarios build their setup with (<c>ip</c>, <c>nft</c>, <c>psql</c>,
/// <c>openssl</c>), and checks up front that they and the needed rights are there, failing with the fix otherwise.
/// Policy (docs/reliability.md): these scenarios need root for network namespaces, firewall rules and running
/// servers as the <c>postgres</c> user; CI runs as root. Anywhere else they fail saying so; they never skip.
/// </summary>
internal static class HostTool
{
    private static readonly string[] SystemFolders = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    /// <summary>True when the tests run as root.</summary>
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// Throws, naming the scenario, the missing piece and the fix, unless the process is root and every tool in
    /// <paramref name="tools"/> (program name → Debian package) is installed.
    /// </summary>
    public static void Require(string scenario, params (string Program, string Package)[] tools)
    {
        if (!OperatingSystem.IsLinux() || !IsRoot)
        {
            throw new InvalidOperationException(
                $"{scenario} needs Linux and root (network namespaces, nftables rules, servers run as the postgres user), "
                + $"but runs as '{Environment.UserName}' on {Environment.OSVersion}. Run the suite as root, as CI does "
                + "(e.g. sudo -E ./test.sh --filter FullyQualifiedName~Strata.Reliability); this scenario is never skipped.");
        }

        var missing = tools.Where(t => Find(t.Program) is null).ToList();
        if (missing.Count > 0)
        {
            var packages = string.Join(' ', missing.Select(t => t.Package).Distinct());
            throw new InvalidOperationException(
                $"{scenario} needs {string.Join(", ", missing.Select(t => t.Program))}, which is not installed. "
                + $"./test.sh installs it; or run: apt-get install -y --no-install-recommends {packages}");
        }
    }

    /// <summary>The full path of <paramref name="program"/> on PATH or in the system folders, or null.</summary>
    public static string? Find(string program)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return path.Concat(SystemFolders).Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }

    /// <summary>Runs a tool to completion (killed after <paramref name="timeout"/>, default 60 s).</summary>
    public static ToolResult Run(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? variables = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(Find(program) ?? program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        info.Environment["LC_ALL"] = "C";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + program);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ToolResult(-1, $"{program} did not finish within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s and was killed\n{stdout.Result}{stderr.Result}");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, new StringBuilder(stdout.Result).Append(stderr.Result).ToString());
    }

    /// <summary>Runs a tool and throws with its output when it fails; returns the output.</summary>
    public static string Check(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? variables = null, TimeSpan? timeout = null)
    {
        var list = arguments.ToList();
        var result = Run(program, list, variables, timeout);
        return result.ExitCode == 0
            ? result.Output
            : throw new InvalidOperationException($"{program} {string.Join(' ', list)} failed with exit code {result.ExitCode}:\n{result.Output}");
    }
}
