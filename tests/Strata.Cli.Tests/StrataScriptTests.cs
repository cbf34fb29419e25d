using System.Diagnostics;

namespace Strata.Cli.Tests;

/// <summary>
/// The README's <c>./strata</c>: it builds the CLI only when a source changed since its last build. Run on a copy of
/// the script in a made-up checkout, with a stand-in <c>dotnet</c> that logs what it was asked to do.
/// </summary>
public sealed class StrataScriptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("strata-script-").FullName;

    public StrataScriptTests()
    {
        File.Copy(Path.Combine(Workspace.RepositoryRoot(), "strata"), Path.Combine(_root, "strata"));
        Directory.CreateDirectory(Path.Combine(_root, "src", "Strata.Cli"));
        File.WriteAllText(Path.Combine(_root, "src", "Strata.Cli", "Program.cs"), "// source\n");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />\n");
        Directory.CreateDirectory(Path.Combine(_root, "fake-bin"));
        var dotnet = Path.Combine(_root, "fake-bin", "dotnet");
        File.WriteAllText(dotnet, $$"""
            #!/usr/bin/env bash
            echo "$1" >> "{{_root}}/dotnet.log"
            if [[ "$1" == build ]]; then
                mkdir -p "{{_root}}/src/Strata.Cli/bin/Release/net10.0"
                touch "{{_root}}/src/Strata.Cli/bin/Release/net10.0/Strata.Cli.dll"
            fi
            """.Replace("\r", "", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task A_repeat_call_with_no_source_changed_runs_without_building()
    {
        await RunAsync();
        await RunAsync();

        Calls().ShouldBe(["build", Dll, Dll]);
    }

    [Fact]
    public async Task An_edited_source_or_build_setting_builds_again()
    {
        await RunAsync();
        Touch(Path.Combine(_root, "src", "Strata.Cli", "Program.cs"));
        await RunAsync();
        Touch(Path.Combine(_root, "Directory.Build.props"));
        await RunAsync();
        await RunAsync();

        Calls().ShouldBe(["build", Dll, "build", Dll, "build", Dll, Dll]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Dll => Path.Combine(_root, "src", "Strata.Cli", "bin", "Release", "net10.0", "Strata.Cli.dll");

    private static void Touch(string path) => File.SetLastWriteTimeUtc(path, DateTime.UtcNow);

    private string[] Calls() => File.ReadAllLines(Path.Combine(_root, "dotnet.log"));

    private async Task RunAsync()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(_root, "strata"), "--version"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["PATH"] = Path.Combine(_root, "fake-bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, error);
    }
}
