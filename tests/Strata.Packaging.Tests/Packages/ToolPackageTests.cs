using System.Xml.Linq;

namespace Strata.Packaging.Tests.Packages;

[Collection(SharedPack.Name)]
public sealed class ToolPackageTests(PackedSources packed)
{
    private const string ToolFolder = "tools/net10.0/any/";

    [Fact]
    public void The_cli_is_a_dotnet_tool_whose_command_is_strata()
    {
        var package = NuGetPackage.Open(packed.PackagePath("Strata.Cli"));

        package.Value("id").ShouldBe("Strata.Cli");
        package.Metadata.Descendants("packageType").Select(t => (string?)t.Attribute("name")).ShouldBe(["DotnetTool"]);
        var command = XDocument.Parse(package.ReadText(ToolFolder + "DotnetToolSettings.xml")).Descendants("Command").Single();
        ((string?)command.Attribute("Name")).ShouldBe("strata");
        ((string?)command.Attribute("EntryPoint")).ShouldBe("Strata.Cli.dll");
    }

    [Fact]
    public void The_tool_package_carries_the_engine_and_both_dialects_and_no_dependencies()
    {
        var package = NuGetPackage.Open(packed.PackagePath("Strata.Cli"));

        foreach (var assembly in new[] { "Strata.Cli", "Strata", "Strata.PostgreSql", "Strata.Schema", "Strata.Sqlite", "Npgsql", "Microsoft.Data.Sqlite" })
        {
            package.Files.ShouldContain(ToolFolder + assembly + ".dll");
        }

        package.Dependencies().ShouldBeEmpty();
        package.Files.ShouldContain("README.md");
        package.Value("readme").ShouldBe("README.md");
    }

    [Fact]
    public void The_tool_package_is_platform_neutral_without_a_native_launcher()
    {
        var package = NuGetPackage.Open(packed.PackagePath("Strata.Cli"));

        // dotnet tool install makes the strata launcher for the installing machine; a packed one would be Linux-only.
        package.Files.ShouldNotContain(ToolFolder + "strata");
        package.Files.ShouldNotContain(ToolFolder + "Strata.Cli");
        package.Files.ShouldNotContain(ToolFolder + "strata.exe");
    }
}
