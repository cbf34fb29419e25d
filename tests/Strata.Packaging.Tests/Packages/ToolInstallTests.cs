namespace Strata.Packaging.Tests.Packages;

/// <summary>
/// Installs the tool the way users do, from the packages of this run, into a private tool path with private NuGet
/// folders, and runs it on SQLite in a temp workspace.
/// </summary>
[Collection(SharedPack.Name)]
public sealed class ToolInstallTests(PackedSources packed)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void The_installed_tool_prints_its_version_and_migrates_a_sqlite_database()
    {
        var tools = Install();
        var strata = Path.Combine(tools, OperatingSystem.IsWindows() ? "strata.exe" : "strata");

        var version = ChildProcess.Run(strata, ["--version"], packed.TempRoot, NoVariables, Timeout);
        version.ExitCode.ShouldBe(0, version.Describe());
        version.Output.Trim().ShouldBe(packed.Version);

        var workspace = Workspace();
        var database = new Dictionary<string, string> { ["DATABASE_URL"] = "sqlite:app.db" };
        var migrate = ChildProcess.Run(strata, ["migrate"], workspace, database, Timeout);
        migrate.ExitCode.ShouldBe(0, migrate.Describe());
        migrate.Output.ShouldContain("001_create_notes");
        File.Exists(Path.Combine(workspace, "app.db")).ShouldBeTrue();

        var status = ChildProcess.Run(strata, ["status"], workspace, database, Timeout);
        status.ExitCode.ShouldBe(0, status.Describe());
        status.Output.ShouldContain("Up to date");
    }

    [Fact]
    public void Installing_leaves_the_users_global_packages_folder_alone()
    {
        Install();

        var global = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Directory.Exists(Path.Combine(global, "strata.cli", packed.Version)).ShouldBeFalse();
    }

    private static IReadOnlyDictionary<string, string> NoVariables { get; } = new Dictionary<string, string>();

    /// <summary>
    /// <c>dotnet tool install Strata.Cli --tool-path ... --add-source ... --version ...</c> with NuGet's package and
    /// HTTP caches inside the run's temp folder; the configured feeds stay reachable but cannot hold this version.
    /// </summary>
    private string Install()
    {
        var tools = Path.Combine(packed.TempRoot, "tools-" + Guid.NewGuid().ToString("N")[..8]);
        var nuget = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(packed.TempRoot, "nuget-packages"),
            ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(packed.TempRoot, "nuget-http-cache"),
        };
        var install = ChildProcess.Run(
            ChildProcess.Dotnet,
            ["tool", "install", "Strata.Cli", "--tool-path", tools, "--add-source", packed.PackageFolder, "--version", packed.Version, "--ignore-failed-sources"],
            packed.TempRoot,
            nuget,
            Timeout);
        install.ExitCode.ShouldBe(0, install.Describe());
        return tools;
    }

    private string Workspace()
    {
        var workspace = Path.Combine(packed.TempRoot, "workspace-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(workspace, "migrations"));
        File.WriteAllText(
            Path.Combine(workspace, "migrations", "001_create_notes.sql"),
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);\n-- strata:down\nDROP TABLE notes;\n");
        return workspace;
    }
}
