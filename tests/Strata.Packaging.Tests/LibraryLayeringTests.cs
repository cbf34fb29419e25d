using System.Text.RegularExpressions;

namespace Strata.Packaging.Tests;

/// <summary>
/// The CLI is a client of the libraries like any application (issue 16): what it uses of a library is public,
/// documented and pinned in <c>api/*.txt</c>, so no library grants it its internals. Test projects may still see them.
/// </summary>
public sealed partial class LibraryLayeringTests
{
    [Fact]
    public void No_library_grants_the_cli_its_internals()
    {
        var offenders = RepositoryRoot.Libraries()
            .SelectMany(library => Directory.EnumerateFiles(Path.GetDirectoryName(library.CsprojPath)!, "*", SearchOption.AllDirectories)
                .Where(file => file.EndsWith(".csproj", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
                .Where(file => !InBuildOutput(file))
                .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index))))
            .Where(x => GrantToCli().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryRoot.Path, x.file)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty("make what the CLI needs a documented public API (or move the logic into the library) instead");
    }

    [GeneratedRegex(@"InternalsVisibleTo\s*(Include\s*=\s*|\(\s*)""Strata\.Cli""")]
    private static partial Regex GrantToCli();

    private static bool InBuildOutput(string file) =>
        file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
