namespace Strata.Packaging.Tests.Packages;

[Collection(SharedPack.Name)]
public sealed class LibraryPackageTests(PackedSources packed)
{
    public static TheoryData<string> Libraries() => new(RepositoryRoot.Libraries().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_library_package_carries_its_readme_assembly_and_xml_docs(string name)
    {
        var package = NuGetPackage.Open(packed.PackagePath(name));

        package.Files.ShouldContain("README.md");
        package.Value("readme").ShouldBe("README.md");
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", name, "README.md"));
        package.ReadText("README.md").ShouldBe(readme);
        package.Files.ShouldContain($"lib/net10.0/{name}.dll");
        package.Files.ShouldContain($"lib/net10.0/{name}.xml");
        package.ReadText($"lib/net10.0/{name}.xml").ShouldContain("<member name=\"T:");
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_library_package_has_its_id_version_license_and_description(string name)
    {
        var package = NuGetPackage.Open(packed.PackagePath(name));

        package.Value("id").ShouldBe(name);
        package.Value("version").ShouldBe(packed.Version);
        package.Value("version")!.ShouldStartWith(VersionPrefix() + "-");
        var license = package.Metadata.Element("license").ShouldNotBeNull();
        ((string?)license.Attribute("type")).ShouldBe("expression");
        license.Value.ShouldBe("MIT");
        package.Value("authors").ShouldNotBeNullOrWhiteSpace();
        package.Value("description").ShouldNotBeNullOrWhiteSpace();
        package.Value("description").ShouldNotBe("Package Description");
        package.Value("tags")!.Split(' ').ShouldContain("migrations");
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_library_package_depends_on_exactly_what_its_project_references(string name)
    {
        var project = RepositoryRoot.Libraries().Single(p => p.Name == name);
        var expected = project.ExpectedDependencies(packed.Version, SourceProject.CentralVersions(RepositoryRoot.Path));

        NuGetPackage.Open(packed.PackagePath(name)).Dependencies().ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_library_has_a_symbol_package_with_its_pdb(string name)
    {
        var symbols = NuGetPackage.Open(packed.PackagePath(name, ".snupkg"));

        symbols.Files.ShouldContain($"lib/net10.0/{name}.pdb");
    }

    [Fact]
    public void The_engine_and_both_dialects_are_packed()
    {
        var ids = RepositoryRoot.Libraries().Select(p => p.Name).ToList();

        ids.ShouldContain("Strata");
        ids.ShouldContain("Strata.PostgreSql");
        ids.ShouldContain("Strata.Sqlite");
        ids.ShouldContain("Strata.Testing");
        ids.ShouldContain("Strata.Testing.Xunit");
        ids.ShouldContain("Strata.Schema");
        foreach (var id in ids)
        {
            File.Exists(packed.PackagePath(id)).ShouldBeTrue($"{id}.{packed.Version}.nupkg is missing from {packed.PackageFolder}");
        }
    }

    [Fact]
    public void Packing_src_prints_no_warnings()
    {
        var warnings = packed.PackOutput.Output.Split('\n').Where(line => line.Contains(": warning ", StringComparison.Ordinal)).ToList();

        warnings.ShouldBeEmpty(packed.PackOutput.Describe());
    }

    private static string VersionPrefix() =>
        System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"))
            .Descendants("VersionPrefix").Single().Value;
}
