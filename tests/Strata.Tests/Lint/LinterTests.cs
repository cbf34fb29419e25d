using Strata.Errors;
using Strata.Lint;
using Strata.Sources;

namespace Strata.Tests.Lint;

public sealed class LinterTests
{
    public static TheoryData<string, string, string> PostgresCases() => Data(LintCases.Postgres);

    public static TheoryData<string, string, string> SqliteCases() => Data(LintCases.Sqlite);

    public static TheoryData<string, string, string> StyleCases() => Data(LintCases.Style);

    [Theory]
    [MemberData(nameof(PostgresCases))]
    public void Each_postgres_rule_fires_on_its_case_and_not_on_the_safe_variant(string rule, string fires, string quiet)
    {
        Rules(Lint(fires)).ShouldContain(rule, $"'{rule}' must fire on:\n{fires}");
        Rules(Lint(quiet)).ShouldNotContain(rule, $"'{rule}' must not fire on:\n{quiet}");
    }

    [Theory]
    [MemberData(nameof(SqliteCases))]
    public void Each_sqlite_rule_fires_on_its_case_and_not_on_the_safe_variant(string rule, string fires, string quiet)
    {
        Rules(Lint(fires, dialect: Dialect.Sqlite)).ShouldContain(rule, $"'{rule}' must fire on:\n{fires}");
        Rules(Lint(quiet, dialect: Dialect.Sqlite)).ShouldNotContain(rule, $"'{rule}' must not fire on:\n{quiet}");
    }

    [Theory]
    [MemberData(nameof(StyleCases))]
    public void Each_style_rule_fires_when_the_style_pack_is_on_and_not_on_the_preferred_form(string rule, string fires, string quiet)
    {
        Rules(Lint(fires, style: true)).ShouldContain(rule, $"'{rule}' must fire on:\n{fires}");
        Rules(Lint(quiet, style: true)).ShouldNotContain(rule, $"'{rule}' must not fire on:\n{quiet}");
        Rules(Lint(fires)).ShouldNotContain(rule, "the style pack is off unless strata.json turns it on");
    }

    [Fact]
    public void Every_rule_has_a_case_or_a_dedicated_test()
    {
        var covered = LintCases.Postgres.Concat(LintCases.Sqlite).Concat(LintCases.Style).Select(c => c.Rule)
            .Concat(["missing-lock-timeout", "missing-down", "unknown-environment", "file-name", "out-of-order", "edited-applied", "mixed-version-widths", "own-transactions"])
            .Concat(LintRules.Measured.Select(r => r.Id)); // measured on PostgreSQL: tests/Strata.Cli.Tests/Lint
        LintRules.All.Select(r => r.Id).Except(covered).ShouldBeEmpty();
    }

    [Fact]
    public void A_typoed_strata_env_name_is_an_unknown_environment_error_when_strata_json_declares_environments()
    {
        var seed = new Migration
        {
            Version = 3,
            Name = "seed",
            Kind = MigrationKind.Versioned,
            Checksum = "x",
            SourcePath = "migrations/003_seed.sql",
            Up = new SqlScript("INSERT INTO t VALUES (1);", "migrations/003_seed.sql", 2, transactional: true),
            Down = new SqlScript("DELETE FROM t;", "migrations/003_seed.sql", 4, transactional: true),
            Environments = ["developmnet", "test"],
        };
        var declared = new Linter(new LintOptions { DeclaredEnvironments = ["development", "production", "test"] }).Lint([seed]);
        var undeclared = new Linter(new LintOptions()).Lint([seed]);

        var finding = declared.Findings.Single(f => f.Rule.Id == "unknown-environment");
        finding.Severity.ShouldBe(LintSeverity.Error);
        finding.Message.ShouldBe("-- strata:env names 'developmnet', an environment strata.json does not declare; did you mean 'development'?");
        Rules(undeclared).ShouldNotContain("unknown-environment");
    }

    [Fact]
    public void Against_a_history_migrations_skipped_for_their_environment_are_still_linted()
    {
        var seed = new Migration
        {
            Version = 3,
            Name = "seed",
            Kind = MigrationKind.Versioned,
            Checksum = "x",
            SourcePath = "migrations/003_seed.sql",
            Up = new SqlScript("INSERT INTO t VALUES (1);", "migrations/003_seed.sql", 2, transactional: true),
            Down = new SqlScript("DELETE FROM t;", "migrations/003_seed.sql", 4, transactional: true),
            Environments = ["developmnet"],
        };
        var history = Strata.Planning.StatusBuilder.Build([seed], [], environment: null);

        var report = new Linter(new LintOptions { DeclaredEnvironments = ["development", "production"] }).Lint(history);

        history.Entries.Single().Status.ShouldBe(Strata.Planning.MigrationStatusKind.Skipped);
        Rules(report).ShouldContain("unknown-environment", "a migration skipped where no environment is set still runs where one is: lint it");
    }

    [Fact]
    public void A_finding_names_file_line_column_object_and_statement()
    {
        var finding = Lint("-- header\n\nSELECT 1;\n  ALTER TABLE shop.users\n    DROP COLUMN email;\n").Findings.Single(f => f.Rule.Id == "drop-column");

        finding.Location.ShouldBe("migrations/002_change.sql:4:3");
        finding.Message.ShouldBe("drops column users.email");
        finding.Statement.ShouldBe("ALTER TABLE shop.users\n    DROP COLUMN email", "the whole statement, for --json and SARIF");
        finding.StatementFirstLine.ShouldBe("ALTER TABLE shop.users");
        finding.Severity.ShouldBe(LintSeverity.Error);
    }

    [Fact]
    public void Keywords_inside_strings_comments_and_dollar_quotes_do_not_fire()
    {
        var sql = "INSERT INTO audit (note) VALUES ('DROP TABLE users; TRUNCATE x');\n/* ALTER TABLE users DROP COLUMN a; */\n"
            + "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ DELETE FROM users $$;\n";

        Rules(Lint(sql)).ShouldNotContain("drop-table");
        Rules(Lint(sql)).ShouldNotContain("truncate");
        Rules(Lint(sql)).ShouldNotContain("drop-column");
        Rules(Lint(sql)).ShouldNotContain("update-without-where");
    }

    [Fact]
    public void Missing_lock_timeout_fires_only_where_no_lock_timeout_is_in_force()
    {
        const string alter = "ALTER TABLE users ADD COLUMN note text;";
        Rules(Lint(alter)).ShouldNotContain("missing-lock-timeout", "Strata sets lock_timeout on transactional migrations");
        Rules(Lint(alter, engineLockTimeout: false)).ShouldContain("missing-lock-timeout");
        Rules(Lint("SET lock_timeout = '2s';\n" + alter, engineLockTimeout: false)).ShouldNotContain("missing-lock-timeout");
        Rules(Lint(alter, transactional: false)).ShouldContain("missing-lock-timeout", "no-transaction migrations get no lock_timeout from Strata");
        Rules(Lint("CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;", transactional: false)).ShouldNotContain("missing-lock-timeout");
    }

    [Fact]
    public void A_table_rebuild_as_strata_generate_writes_it_is_not_a_dropped_table()
    {
        const string rebuild = "CREATE TABLE strata_new_users (id INTEGER, age REAL, PRIMARY KEY (id));\n"
            + "INSERT INTO strata_new_users (id, age) SELECT id, age FROM users;\nDROP TABLE users;\nALTER TABLE strata_new_users RENAME TO users;\n";

        var report = Lint(rebuild, dialect: Dialect.Sqlite);

        Rules(report).ShouldNotContain("drop-table");
        Rules(report).ShouldNotContain("rename");
        Rules(report).ShouldNotContain("mixed-schema-and-data");
        Rules(Lint("DROP TABLE users;\nCREATE TABLE other (id int);\nALTER TABLE other RENAME TO others;\n", dialect: Dialect.Sqlite)).ShouldContain("drop-table");
    }

    [Fact]
    public void Missing_down_is_reported_for_versioned_migrations_without_one()
    {
        Rules(Lint("CREATE TABLE t (a int);", down: null)).ShouldContain("missing-down");
        Rules(Lint("CREATE TABLE t (a int);")).ShouldNotContain("missing-down");
    }

    [Fact]
    public void A_lint_ignore_comment_silences_one_rule_for_the_next_statement_only()
    {
        var report = Lint("-- strata:lint-ignore drop-column unused since 4.2\nALTER TABLE users DROP COLUMN a;\nALTER TABLE users DROP COLUMN b;\n");

        report.Findings.Where(f => f.Rule.Id == "drop-column").Select(f => f.Message).ShouldBe(["drops column users.b"]);
        report.Suppressed.ShouldBe(1);
    }

    [Fact]
    public void A_lint_ignore_file_comment_silences_a_rule_for_the_file()
    {
        var report = Lint("-- strata:lint-ignore-file drop-column\nALTER TABLE users DROP COLUMN a;\nALTER TABLE users DROP COLUMN b;\n");

        Rules(report).ShouldNotContain("drop-column");
        report.Suppressed.ShouldBe(2);
    }

    [Fact]
    public void An_unknown_rule_in_a_lint_ignore_comment_is_bad_input_naming_the_place()
    {
        var error = Should.Throw<ConfigurationException>(() => Lint("SELECT 1;\n-- strata:lint-ignore drop-tabel\nDROP TABLE users;\n"));

        error.Message.ShouldContain("migrations/002_change.sql:3: unknown lint rule 'drop-tabel'");
        error.Hint!.ShouldContain("drop-table");
    }

    [Fact]
    public void Severities_from_the_configuration_change_or_turn_off_rules()
    {
        var options = new LintOptions { Severities = new Dictionary<string, LintSeverity> { ["drop-table"] = LintSeverity.Note, ["missing-down"] = LintSeverity.Off } };

        var report = new Linter(options).Lint([Migration("DROP TABLE users;", down: null)]);

        report.Findings.Single().Severity.ShouldBe(LintSeverity.Note);
        report.Errors.ShouldBe(0);
    }

    private static TheoryData<string, string, string> Data((string Rule, string Fires, string Quiet)[] cases)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (rule, fires, quiet) in cases)
        {
            data.Add(rule, fires, quiet);
        }

        return data;
    }

    private static List<string> Rules(LintReport report) => report.Findings.Select(f => f.Rule.Id).ToList();

    private static LintReport Lint(string sql, bool transactional = true, Dialect dialect = Dialect.PostgreSql, bool engineLockTimeout = true, string? down = "SELECT 1;", bool style = false) =>
        new Linter(new LintOptions { Dialect = dialect, EngineLockTimeout = engineLockTimeout, Style = style })
            .Lint([Migration(sql, transactional && !sql.StartsWith(LintCases.NoTransaction, StringComparison.Ordinal), down)]);

    private static Migration Migration(string sql, bool transactional = true, string? down = "SELECT 1;") => new()
    {
        Version = 2,
        Name = "change",
        Kind = MigrationKind.Versioned,
        Checksum = "x",
        SourcePath = "migrations/002_change.sql",
        Up = new SqlScript(sql, "migrations/002_change.sql", 1, transactional),
        Down = down is null ? null : new SqlScript(down, "migrations/002_change.sql", 10, transactional),
    };
}
