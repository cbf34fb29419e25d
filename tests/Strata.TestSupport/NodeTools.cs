using System.Diagnostics;

namespace Strata.TestSupport;

/// <summary>
/// The other migration tools the adopt tests run for real (Knex, node-pg-migrate, dbmate, Drizzle's migrator), as
/// tests/install-node-tools.sh installs them (./test.sh runs it): STRATA_TEST_NODE_TOOLS, else
/// /var/cache/strata/node-tools as root, else ~/.cache/strata/node-tools; better-sqlite3 in that folder + "-sqlite".
/// </summary>
public static class NodeTools
{
    /// <summary>The folder holding <c>node_modules</c>.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable("STRATA_TEST_NODE_TOOLS") is { Length: > 0 } configured ? configured
        : Environment.UserName == "root" ? "/var/cache/strata/node-tools"
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "strata", "node-tools");

    /// <summary>
    /// Runs <paramref name="tool"/> (a program of <c>node_modules/.bin</c>, or <c>node</c>) in <paramref name="workingDirectory"/>
    /// with DATABASE_URL set; throws with its output when it fails, or naming the fix when the tools are not installed.
    /// </summary>
    public static string Run(string tool, string workingDirectory, string databaseUrl, params string[] arguments)
    {
        var program = tool == "node" ? "node" : Path.Combine(Folder, "node_modules", ".bin", tool);
        if (tool != "node" && !File.Exists(program))
        {
            throw new InvalidOperationException($"{program} is missing: run tests/install-node-tools.sh (./test.sh runs it)");
        }

        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DATABASE_URL"] = databaseUrl;
        // better-sqlite3 (Knex's and Drizzle's SQLite driver) is installed beside the tools, in a folder of its own.
        start.Environment["NODE_PATH"] = Path.Combine(Folder, "node_modules") + Path.PathSeparator + Path.Combine(Folder + "-sqlite", "node_modules");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish in 2 minutes");
        }

        var text = output.Result + error.Result;
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {text}");
    }
}
