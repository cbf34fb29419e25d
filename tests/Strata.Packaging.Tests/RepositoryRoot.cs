namespace Strata.Packaging.Tests;

/// <summary>The checkout the tests were built from, and the library projects under its <c>src</c>.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The folder holding <c>Strata.slnx</c>.</summary>
    public static string Path => Root.Value;

    /// <summary>
    /// Every project under <c>src</c> that is a library (not an executable such as the CLI), by project name, in
    /// ordinal order. A library added to <c>src</c> is found here without editing the tests.
    /// </summary>
    public static IReadOnlyList<SourceProject> Libraries() =>
        Directory.GetDirectories(System.IO.Path.Combine(Path, "src"))
            .Select(folder => System.IO.Path.Combine(folder, System.IO.Path.GetFileName(folder) + ".csproj"))
            .Where(File.Exists)
            .Select(SourceProject.Load)
            .Where(project => !project.IsExecutable)
            .OrderBy(project => project.Name, StringComparer.Ordinal)
            .ToList();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Strata.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Strata.slnx above {AppContext.BaseDirectory}: run the tests from the Strata checkout");
    }
}
