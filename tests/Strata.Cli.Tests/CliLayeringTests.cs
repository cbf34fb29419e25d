using Strata.TestSupport;

namespace Strata.Cli.Tests;

/// <summary>
/// The CLI parses, calls a library and renders (issue 16): the database drivers stay inside the dialect libraries,
/// which translate their exceptions, so no file of <c>src/Strata.Cli</c> imports Npgsql or Microsoft.Data.Sqlite or
/// names one of their types (help text may still name the driver, e.g. codegen's "Npgsql mapping").
/// </summary>
public sealed partial class CliLayeringTests
{
    [Fact]
    public void The_cli_source_names_no_database_driver()
    {
        var cli = Path.Combine(RepositoryPaths.Root(), "src", "Strata.Cli");
        var offenders = Directory.EnumerateFiles(cli, "*", SearchOption.AllDirectories)
            .Where(file => !InBuildOutput(cli, file))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => DriverReference().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(cli, x.file)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty("the dialect libraries (Strata.PostgreSql, Strata.Sqlite) own the drivers; call them instead");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"using (static )?(Npgsql|Microsoft\.Data\.Sqlite)|<PackageReference Include=""(Npgsql|Microsoft\.Data\.Sqlite)|\b(Npgsql\w+|Sqlite(Connection|Command|Exception|DataReader|Transaction)\w*|Postgres(Exception|ErrorCodes))\b")]
    private static partial System.Text.RegularExpressions.Regex DriverReference();

    private static bool InBuildOutput(string root, string file)
    {
        var first = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }
}
