using Strata.TestSupport;

namespace Strata.Cli.Tests;

/// <summary>
/// The CLI parses, calls a library and renders (issue 16): the database drivers stay inside the dialect libraries,
/// which translate their exceptions, so no file of <c>src/Strata.Cli</c> names Npgsql or Microsoft.Data.Sqlite.
/// </summary>
public sealed class CliLayeringTests
{
    [Fact]
    public void The_cli_source_names_no_database_driver()
    {
        var cli = Path.Combine(RepositoryPaths.Root(), "src", "Strata.Cli");
        var offenders = Directory.EnumerateFiles(cli, "*", SearchOption.AllDirectories)
            .Where(file => !InBuildOutput(cli, file))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => x.line.Contains("Npgsql", StringComparison.Ordinal) || x.line.Contains("Microsoft.Data.Sqlite", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(cli, x.file)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty("the dialect libraries (Strata.PostgreSql, Strata.Sqlite) own the drivers; call them instead");
    }

    private static bool InBuildOutput(string root, string file)
    {
        var first = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }
}
