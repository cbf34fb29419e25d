using System.Xml.Linq;

namespace Strata.Packaging.Tests.Packages;

/// <summary>
/// The .NET tool is RID-specific (.NET 10): Strata.Cli points at Strata.Cli.linux-x64 (the native AOT executable)
/// and Strata.Cli.any (the framework-dependent build every other platform gets).
/// </summary>
[Collection(SharedPack.Name)]
public sealed class ToolPackageTests(PackedSources packed)
{
    private const string NativeFolder = "tools/any/linux-x64/";
    private const string PortableFolder = "tools/net10.0/any/";

    [Fact]
    public void The_cli_package_is_a_dotnet_tool_pointing_at_a_native_linux_x64_package_and_a_portable_one()
    {
        var package = NuGetPackage.Open(packed.PackagePath("Strata.Cli"));

        package.Value("id").ShouldBe("Strata.Cli");
        PackageTypes(package).ShouldBe(["DotnetTool"]);
        var settings = XDocument.Parse(package.ReadText("tools/any/any/DotnetToolSettings.xml"));
        ((string?)settings.Descendants("Command").Single().Attribute("Name")).ShouldBe("strata");
        settings.Descendants("RuntimeIdentifierPackage")
            .Select(p => $"{(string?)p.Attribute("RuntimeIdentifier")} {(string?)p.Attribute("Id")}")
            .ShouldBe(["linux-x64 Strata.Cli.linux-x64", "any Strata.Cli.any"]);
        package.Files.ShouldNotContain(f => f.EndsWith(".dll", StringComparison.Ordinal), "the pointer package carries no implementation");
        package.Dependencies().ShouldBeEmpty();
        package.Value("readme").ShouldBe("README.md");
    }

    [Fact]
    public void The_linux_x64_package_holds_the_native_executable_and_sqlite_and_nothing_else()
    {
        var package = NuGetPackage.Open(packed.PackagePath("Strata.Cli.linux-x64"));

        PackageTypes(package).ShouldBe(["DotnetToolRidPackage"]);
        package.Files.Where(f => f.StartsWith("tools/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .ShouldBe([NativeFolder + "DotnetToolSettings.xml", NativeFolder + "Strata.Cli", NativeFolder + "libe_sqlite3.so"]);
        Command(package, NativeFolder).ShouldBe(("Strata.Cli", "executable"));
        package.ReadBytes(NativeFolder + "Strata.Cli", 4).ShouldBe("\u007FELF"u8.ToArray(), "a native executable, not an apphost beside IL");
        package.Dependencies().ShouldBeEmpty();
    }

    [Fact]
    public void The_portable_package_carries_the_engine_and_both_dialects_for_dotnet_to_run()
    {
        var package = NuGetPackage.Open(packed.PackagePath("Strata.Cli.any"));

        PackageTypes(package).ShouldBe(["DotnetToolRidPackage"]);
        Command(package, PortableFolder).ShouldBe(("Strata.Cli.dll", "dotnet"));
        foreach (var assembly in new[] { "Strata.Cli", "Strata", "Strata.PostgreSql", "Strata.Schema", "Strata.Sqlite", "Npgsql", "Microsoft.Data.Sqlite" })
        {
            package.Files.ShouldContain(PortableFolder + assembly + ".dll");
        }

        // dotnet tool install makes the launcher for the installing machine; a packed one would be Linux-only.
        package.Files.ShouldNotContain(PortableFolder + "strata");
        package.Files.ShouldNotContain(PortableFolder + "Strata.Cli");
        package.Files.ShouldNotContain(PortableFolder + "strata.exe");
        package.Dependencies().ShouldBeEmpty();
    }

    private static List<string?> PackageTypes(NuGetPackage package) =>
        package.Metadata.Descendants("packageType").Select(t => (string?)t.Attribute("name")).ToList();

    private static (string? EntryPoint, string? Runner) Command(NuGetPackage package, string folder)
    {
        var command = XDocument.Parse(package.ReadText(folder + "DotnetToolSettings.xml")).Descendants("Command").Single();
        ((string?)command.Attribute("Name")).ShouldBe("strata");
        return ((string?)command.Attribute("EntryPoint"), (string?)command.Attribute("Runner"));
    }
}
