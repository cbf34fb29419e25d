namespace Strata.Packaging.Tests.Packages;

/// <summary>
/// Installs the tool the way users do, from the packages of this run, into a private tool path with private NuGet
/// folders, and runs it on SQLite in a temp workspace. On linux-x64 the command is the native executable.
/// </summary>
[Collection(SharedPack.Name)]
public sealed class ToolInstallTests(PackedSources packed)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public void The_installed_tool_prints_its_version_and_migrates_a_sqlite_database()
    {
        var strata = Path.Combine(packed.InstalledTool, OperatingSystem.IsWindows() ? "strata.exe" : "strata");

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
    public void The_install_takes_the_native_package_on_linux_x64_and_the_portable_one_elsewhere()
    {
        var native = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64";
        var store = Path.Combine(packed.InstalledTool, ".store", "strata.cli", packed.Version);

        Directory.Exists(Path.Combine(store, native ? "strata.cli.linux-x64" : "strata.cli.any")).ShouldBeTrue(
            $"{store} holds: {string.Join(", ", Directory.GetDirectories(store).Select(Path.GetFileName))}");
        if (native)
        {
            var target = new FileInfo(Path.Combine(packed.InstalledTool, "strata")).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            target.ShouldNotBeNull("the strata command is a link to the package's executable");
            File.ReadAllBytes(target)[..4].ShouldBe("\u007FELF"u8.ToArray(), target);
        }
    }

    [Fact]
    public void Installing_leaves_the_users_global_packages_folder_alone()
    {
        _ = packed.InstalledTool;

        var global = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Directory.Exists(Path.Combine(global, "strata.cli", packed.Version)).ShouldBeFalse();
        Directory.Exists(Path.Combine(global, "strata.cli.linux-x64", packed.Version)).ShouldBeFalse();
    }

    private static IReadOnlyDictionary<string, string> NoVariables { get; } = new Dictionary<string, string>();

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
