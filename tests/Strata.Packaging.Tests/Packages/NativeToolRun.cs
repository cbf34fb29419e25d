namespace Strata.Packaging.Tests.Packages;

/// <summary>
/// Runs the installed <c>strata</c> in one workspace folder with one set of variables, and records which commands
/// ran, so a test can prove every command of the help ran at least once.
/// </summary>
internal sealed class NativeToolRun(string tools, string workspace, IReadOnlyDictionary<string, string> variables, ISet<string> ran)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The workspace folder.</summary>
    public string Workspace => workspace;

    /// <summary>The <c>strata</c> command of the install.</summary>
    public string Strata => Path.Combine(tools, OperatingSystem.IsWindows() ? "strata.exe" : "strata");

    /// <summary>Runs <c>strata args…</c> and fails unless it exits with <paramref name="exitCode"/>; returns what it printed.</summary>
    public string Expect(int exitCode, params string[] args)
    {
        var result = ChildProcess.Run(Strata, args, workspace, variables, Timeout);
        result.ExitCode.ShouldBe(exitCode, result.Describe());
        lock (ran)
        {
            ran.Add(args[0] == "test-db" ? "test-db " + args[1] : args[0]);
        }

        return result.Output;
    }

    /// <summary>Starts <c>strata args…</c> without waiting (a server); the caller stops it. Counts as a run of <c>args[0]</c>.</summary>
    public System.Diagnostics.Process Start(params string[] args)
    {
        var process = System.Diagnostics.Process.Start(ChildProcess.Prepare(Strata, args, workspace, variables))!;
        process.StandardInput.Close();
        lock (ran)
        {
            ran.Add(args[0]);
        }

        return process;
    }

    /// <summary>Runs <c>strata args…</c>, expecting exit code 0.</summary>
    public string Ok(params string[] args) => Expect(0, args);

    /// <summary>Writes a file of the workspace (folders created as needed).</summary>
    public NativeToolRun Write(string relativePath, string text)
    {
        var path = Path.Combine(workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }
}
