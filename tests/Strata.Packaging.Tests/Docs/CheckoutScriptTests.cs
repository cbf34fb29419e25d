namespace Strata.Packaging.Tests.Docs;

/// <summary>
/// The README runs Strata from a checkout with <c>./strata</c> and suggests a symlink to it on the PATH: the script
/// must find its checkout through the link. Runs a copy of the script in a temporary "checkout" whose build is
/// already there, with a stand-in <c>dotnet</c> that prints what it was asked to run.
/// </summary>
public sealed class CheckoutScriptTests
{
    [Fact]
    public void The_checkout_script_runs_its_own_build_when_called_through_a_symlink()
    {
        var folder = Directory.CreateTempSubdirectory("strata-script-");
        try
        {
            var checkout = Directory.CreateDirectory(Path.Combine(folder.FullName, "checkout")).FullName;
            var build = Directory.CreateDirectory(Path.Combine(checkout, "src", "Strata.Cli", "bin", "Release", "net10.0")).FullName;
            Executable(Path.Combine(checkout, "strata"), File.ReadAllText(Path.Combine(RepositoryRoot.Path, "strata")));
            File.WriteAllText(Path.Combine(build, "Strata.Cli.dll"), "");
            File.WriteAllText(Path.Combine(build, ".strata-build-stamp"), "");
            File.SetLastWriteTimeUtc(Path.Combine(build, ".strata-build-stamp"), DateTime.UtcNow.AddMinutes(1));
            var bin = Directory.CreateDirectory(Path.Combine(folder.FullName, "bin")).FullName;
            Executable(Path.Combine(bin, "dotnet"), "#!/bin/sh\necho \"ran $*\"\n");
            File.CreateSymbolicLink(Path.Combine(bin, "strata"), Path.Combine(checkout, "strata"));
            var path = new Dictionary<string, string> { ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

            var result = ChildProcess.Run(Path.Combine(bin, "strata"), ["--version"], folder.FullName, path, TimeSpan.FromSeconds(30));

            result.ExitCode.ShouldBe(0, result.Describe());
            result.Output.Trim().ShouldBe($"ran {Path.Combine(build, "Strata.Cli.dll")} --version", result.Describe());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_checkout_script_says_it_is_building_before_a_first_build()
    {
        var folder = Directory.CreateTempSubdirectory("strata-script-");
        try
        {
            var checkout = Directory.CreateDirectory(Path.Combine(folder.FullName, "checkout")).FullName;
            Directory.CreateDirectory(Path.Combine(checkout, "src", "Strata.Cli", "bin", "Release", "net10.0"));
            Executable(Path.Combine(checkout, "strata"), File.ReadAllText(Path.Combine(RepositoryRoot.Path, "strata")));
            var bin = Directory.CreateDirectory(Path.Combine(folder.FullName, "bin")).FullName;
            Executable(Path.Combine(bin, "dotnet"), "#!/bin/sh\necho \"ran $1\"\n");
            var path = new Dictionary<string, string> { ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") };

            var result = ChildProcess.Run(Path.Combine(checkout, "strata"), ["--version"], folder.FullName, path, TimeSpan.FromSeconds(30));

            result.ExitCode.ShouldBe(0, result.Describe());
            result.Output.ShouldContain($"strata: building the CLI from {checkout} (first use", Case.Sensitive, result.Describe());
            result.Output.ShouldContain("ran " + Path.Combine(checkout, "src", "Strata.Cli", "bin", "Release", "net10.0", "Strata.Cli.dll"), Case.Sensitive, result.Describe());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Executable(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
