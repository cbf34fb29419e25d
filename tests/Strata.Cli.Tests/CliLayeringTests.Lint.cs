using Strata.TestSupport;

namespace Strata.Cli.Tests;

/// <summary>Lint's CLI code reaches measuring through the libraries (MigrationLint, MeasuredLint and the dialects' measuring role), never a dialect package.</summary>
public sealed partial class CliLayeringTests
{
    [Fact]
    public void The_cli_lint_code_names_no_dialect_package()
    {
        var cli = Path.Combine(RepositoryPaths.Root(), "src", "Strata.Cli");
        var files = Directory.EnumerateFiles(Path.Combine(cli, "Output", "Lint"), "*.cs").Append(Path.Combine(cli, "Commands", "LintCommand.cs"));
        var offenders = files
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => x.line.Contains("Strata.PostgreSql", StringComparison.Ordinal) || x.line.Contains("Strata.Sqlite", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(cli, x.file)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty("measured lint's result types live in Strata.Schema and Strata.Lint; the measuring itself is SchemaRoles.Measuring");
    }
}
