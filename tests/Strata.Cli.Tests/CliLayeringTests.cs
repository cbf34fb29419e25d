using Strata.TestSupport;

namespace Strata.Cli.Tests;

/// <summary>
/// The CLI parses, calls a library and renders (issue 16): the database drivers stay inside the dialect libraries,
/// which translate their exceptions, so no file of <c>src/Strata.Cli</c> imports Npgsql or Microsoft.Data.Sqlite or
/// names one of their types (help text may still name the driver, e.g. codegen's "Npgsql mapping"); and the dialect
/// libraries are reached only through the dialect set and its roles, so the CLI names no dialect type beyond the
/// factories it builds that set from.
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

    [Fact]
    public void The_cli_names_no_dialect_type_except_the_factories_of_its_one_dialect_set()
    {
        var cli = Path.Combine(RepositoryPaths.Root(), "src", "Strata.Cli");
        var offenders = Directory.EnumerateFiles(cli, "*.cs", SearchOption.AllDirectories)
            .Where(file => !InBuildOutput(cli, file))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => DialectReference().IsMatch(x.line) && !DialectSetEntries().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(cli, x.file)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty("the CLI reaches a dialect through CommandContext.Dialects (DialectSet, IDialectFactory) and the roles it hands out; add a factory member or a role instead");
    }

    /// <summary>A dialect package's namespace imported, a dialect class constructed, a control query called, or a dialect type named by its namespace.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"using (static )?Strata\.(PostgreSql|Sqlite)\b|\bnew (PostgreSql|Sqlite)\w*\s*[({]|\b(PostgreSql|Sqlite)ControlQuery\b|(?<![\w.])(Strata\.)?(PostgreSql|Sqlite)\.[A-Z]\w*")]
    private static partial System.Text.RegularExpressions.Regex DialectReference();

    /// <summary>The one place the CLI names the dialect packages: the factories it builds its <c>DialectSet</c> from.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"DialectSet Dialects \{ get; \} = new\(PostgreSql\.PostgreSqlDialect\.Factory, Sqlite\.SqliteDialect\.Factory\);")]
    private static partial System.Text.RegularExpressions.Regex DialectSetEntries();

    [System.Text.RegularExpressions.GeneratedRegex(@"using (static )?(Npgsql|Microsoft\.Data\.Sqlite)|<PackageReference Include=""(Npgsql|Microsoft\.Data\.Sqlite)|\b(Npgsql\w+|Sqlite(Connection|Command|Exception|DataReader|Transaction)\w*|Postgres(Exception|ErrorCodes))\b")]
    private static partial System.Text.RegularExpressions.Regex DriverReference();

    private static bool InBuildOutput(string root, string file)
    {
        var first = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }
}
