using Strata.Configuration;
using Strata.Errors;
using Strata.Lint;
using Strata.Sources;
using Strata.Tests.Engine;
using Strata.Tests.Sources;

namespace Strata.Tests.Lint;

/// <summary><c>strata lint</c>'s static half called through the library: selection, history scope, settings and refusals.</summary>
public sealed class MigrationLintTests
{
    private static StrataSettings Settings(string folder, DatabaseTarget? database = null, System.Text.Json.JsonElement? lint = null, TimeSpan? lockTimeout = null) =>
        new() { MigrationsPath = folder, Database = database, Lint = lint, StatementLockTimeout = lockTimeout ?? TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task The_history_decides_what_is_linted_applied_migrations_are_not_flagged_again()
    {
        var set = new InMemoryMigrations().Add(1, "drop_a", up: "ALTER TABLE a DROP COLUMN x;").Add(2, "drop_b", up: "ALTER TABLE b DROP COLUMN y;");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1);
        var postgres = new DatabaseTarget(Dialect.PostgreSql, "Host=db.invalid", "postgres://app@db.invalid:5432/app", null);

        var run = await MigrationLint.RunAsync(new LintRequest(set, Settings("migrations", postgres), Path.GetTempPath())
        {
            History = () => Engine.Engine.Migrator(dialect, set),
        });

        run.Report.ShouldNotBeNull().Findings.Where(f => f.Rule.Id == "drop-column").Select(f => f.File).ShouldBe(["migrations/002_drop_b.sql"]);
        run.Measure.ShouldBeNull();
        run.NotMeasured.ShouldBeNull();
    }

    [Fact]
    public async Task Named_files_are_the_only_ones_linted_and_a_name_outside_the_folder_is_bad_input()
    {
        using var folder = new TempMigrationFolder().Write("001_a.sql", "DROP TABLE a;\n").Write("002_b.sql", "DROP TABLE b;\n");
        var request = new LintRequest(new DirectoryMigrationSource(folder.Path), Settings(folder.Path), folder.Path) { Files = ["002_b.sql"] };

        var run = await MigrationLint.RunAsync(request);
        var wrong = await Should.ThrowAsync<ConfigurationException>(() => MigrationLint.RunAsync(request with { Files = ["003_c.sql"] }));

        run.Report.ShouldNotBeNull().Findings.Select(f => Path.GetFileName(f.File)).Distinct().ShouldBe(["002_b.sql"]);
        wrong.Message.ShouldBe($"003_c.sql is not a migration in {folder.Path}");
    }

    [Fact]
    public async Task A_missing_sqlite_file_has_no_history_and_measuring_it_is_refused_after_the_static_report()
    {
        using var folder = new TempMigrationFolder().Write("001_a.sql", "DROP TABLE a;\n");
        var sqlite = new DatabaseTarget(Dialect.Sqlite, Path.Combine(folder.Path, "absent.db"), "sqlite:absent.db", null);
        var request = new LintRequest(new DirectoryMigrationSource(folder.Path), Settings(folder.Path, sqlite), folder.Path)
        {
            History = () => throw new InvalidOperationException("a missing SQLite file has no history to read"),
            MeasureOption = "--measure",
        };

        var run = await MigrationLint.RunAsync(request);

        run.NoHistory.ShouldBeTrue();
        run.Report.ShouldNotBeNull().Findings.ShouldContain(f => f.Rule.Id == "drop-table");
        run.NotMeasured.ShouldBeOfType<ConfigurationException>().Message
            .ShouldBe("--measure needs PostgreSQL, but the configured database is sqlite:absent.db: nothing was measured; the static rules ran (above)");
        File.Exists(sqlite.ConnectionString).ShouldBeFalse("lint never creates the database");
    }

    [Fact]
    public async Task Measuring_on_postgresql_hands_the_named_migrations_to_the_measured_half_after_the_checks()
    {
        using var folder = new TempMigrationFolder().Write("001_a.sql", "DROP TABLE a;\n");
        var postgres = new DatabaseTarget(Dialect.PostgreSql, "Host=db.invalid", "postgres://app@db.invalid:5432/app", null);
        var request = new LintRequest(new DirectoryMigrationSource(folder.Path), Settings(folder.Path, postgres), folder.Path) { MeasureOption = "--against" };

        var run = await MigrationLint.RunAsync(request);
        var offline = await Should.ThrowAsync<ConfigurationException>(() => MigrationLint.RunAsync(request with { Offline = true }));
        var since = await Should.ThrowAsync<ConfigurationException>(() => MigrationLint.RunAsync(request with { Since = "main" }));

        run.Measure.ShouldNotBeNull().ShouldBeEmpty("no file named: everything pending is measured");
        run.Report.ShouldBeNull();
        offline.Message.ShouldStartWith("--against cannot be combined with --offline");
        since.Message.ShouldStartWith("--since cannot be combined with --against");
    }

    [Fact]
    public void The_options_come_from_strata_json_and_an_unknown_rule_is_bad_input()
    {
        var lint = System.Text.Json.JsonDocument.Parse("""{ "rules": { "drop-table": "off" }, "style": true }""").RootElement;
        var typo = System.Text.Json.JsonDocument.Parse("""{ "rules": { "drop-tabel": "off" } }""").RootElement;

        var options = MigrationLint.Options(Settings("migrations", lint: lint, lockTimeout: TimeSpan.Zero));

        options.Severities["drop-table"].ShouldBe(LintSeverity.Off);
        options.Style.ShouldBeTrue();
        options.EngineLockTimeout.ShouldBeFalse();
        Should.Throw<ConfigurationException>(() => MigrationLint.Options(Settings("migrations", lint: typo)));
    }
}
