using Strata.Errors;
using Strata.Lint;
using Strata.Sources;

namespace Strata.Tests.Lint;

public sealed class ScriptSuppressionsTests
{
    [Fact]
    public void A_comment_silences_its_statement_by_file_line_and_a_file_comment_every_line()
    {
        var sql = "-- strata:lint-ignore-file measured-drop\nSELECT 1;\n-- strata:lint-ignore measured-rewrite reviewed\nALTER TABLE t ALTER COLUMN a TYPE bigint;\n";

        var suppressions = ScriptSuppressions.Read(Migration(sql, firstLine: 3), Dialect.PostgreSql);

        suppressions.Silences(LintRules.MeasuredRewrite, 6).ShouldBeTrue();
        suppressions.Silences(LintRules.MeasuredRewrite, 4).ShouldBeFalse();
        suppressions.Silences(LintRules.MeasuredAccessExclusive, 6).ShouldBeFalse();
        suppressions.Silences(LintRules.MeasuredDrop, 0).ShouldBeTrue();
    }

    [Fact]
    public void An_unknown_rule_is_bad_input_naming_the_file_and_line()
    {
        var error = Should.Throw<ConfigurationException>(() => ScriptSuppressions.Read(Migration("-- strata:lint-ignore measured-rewrites\nSELECT 1;\n", 1), Dialect.PostgreSql));

        error.Message.ShouldBe("migrations/002_x.sql:2: unknown lint rule 'measured-rewrites' in a strata:lint-ignore comment");
    }

    private static Migration Migration(string sql, int firstLine) => new()
    {
        Version = 2,
        Name = "x",
        Kind = MigrationKind.Versioned,
        Checksum = "",
        Up = new SqlScript(sql, "migrations/002_x.sql", firstLine, transactional: true),
        SourcePath = "migrations/002_x.sql",
    };
}
