using System.Xml.Linq;

namespace Strata.Packaging.Tests;

/// <summary>
/// A project under <c>src</c> as its csproj declares it: whether it is an executable, and the packages its NuGet
/// package must depend on (project references at the packed version, package references at the central version).
/// </summary>
internal sealed record SourceProject(string Name, string CsprojPath, bool IsExecutable, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences)
{
    /// <summary>Reads a csproj; only the elements the packaging tests need.</summary>
    public static SourceProject Load(string csprojPath)
    {
        var project = XDocument.Load(csprojPath).Root!;
        var isExecutable = project.Descendants("OutputType").Any(e => e.Value.Trim().Equals("Exe", StringComparison.OrdinalIgnoreCase));
        var projects = project.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? "").Replace('\\', '/')))
            .ToList();
        var packages = project.Descendants("PackageReference")
            .Where(e => !IsPrivate(e))
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .ToList();
        return new SourceProject(Path.GetFileNameWithoutExtension(csprojPath), csprojPath, isExecutable, projects, packages);
    }

    /// <summary>
    /// The dependencies its package must list, as <c>id version</c>, sorted: project references at
    /// <paramref name="packedVersion"/>, package references at their version in <c>Directory.Packages.props</c>.
    /// </summary>
    public IReadOnlyList<string> ExpectedDependencies(string packedVersion, IReadOnlyDictionary<string, string> centralVersions) =>
        ProjectReferences.Select(id => $"{id} {packedVersion}")
            .Concat(PackageReferences.Select(id => $"{id} {centralVersions.GetValueOrDefault(id, "(not in Directory.Packages.props)")}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The central package versions of the checkout, by package id.</summary>
    public static IReadOnlyDictionary<string, string> CentralVersions(string repositoryRoot) =>
        XDocument.Load(Path.Combine(repositoryRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);

    private static bool IsPrivate(XElement reference)
    {
        var privateAssets = (string?)reference.Attribute("PrivateAssets") ?? (string?)reference.Element("PrivateAssets") ?? "";
        return privateAssets.Equals("all", StringComparison.OrdinalIgnoreCase);
    }
}
