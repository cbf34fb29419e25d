using Strata.Configuration;
using Strata.Execution;
using Strata.Lint;
using Strata.Planning;
using Strata.Schema;
using Strata.Sources;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Measuring;

/// <summary>
/// <c>strata lint --measure</c> and <c>--against</c> called through the library on PostgreSQL: what is pending on the
/// target is measured on a scratch database, and findings are weighed by the target's sizes.
/// </summary>
public sealed class MeasuredLintTests : PostgresTestBase
{
    [Fact]
    public async Task Pending_migrations_are_measured_on_a_scratch_database_and_weighed_by_the_targets_sizes()
    {
        using var folder = new TempDirectory();
        folder.WriteFile("migrations/001_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY, total int);\n");
        folder.WriteFile("migrations/002_widen.sql", "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n");
        var source = new DirectoryMigrationSource(Path.Combine(folder.Path, "migrations"));
        await new Migrator(new PostgreSqlDialect(Database.ConnectionString), source).MigrateAsync(new MigrateOptions { Target = 1 });
        await Database.ExecuteAsync("INSERT INTO orders SELECT g, g FROM generate_series(1, 50) g; ANALYZE orders;");
        var target = new DatabaseTarget(Dialect.PostgreSql, Database.ConnectionString, "postgres://test@local/" + Database.Name, null);
        var settings = new StrataSettings { MigrationsPath = Path.Combine(folder.Path, "migrations"), Database = target };
        var notes = new List<string>();
        var request = new MeasuredLintRequest(
            () => new SchemaWorkspace(new PostgreSqlDialect(Database.ConnectionString)),
            new PostgreSqlDialect(Database.ConnectionString),
            source,
            settings,
            folder.Path)
        {
            Against = target,
            DatabaseDisplay = target.DisplayName,
            Progress = notes.Add,
        };

        var result = await MeasuredLint.RunAsync(request);

        result.Measured.Migrations.Select(m => (m.Migration.Name, m.Status)).ShouldBe([("widen", "measured")], "only what the target has not applied");
        var rewrite = result.Report.Findings.Where(f => f.Rule == LintRules.MeasuredRewrite).ShouldHaveSingleItem();
        rewrite.Severity.ShouldBe(LintSeverity.Note, "50 rows are below lint.small");
        result.WeightOf(rewrite).ShouldNotBeNull().Size.ShouldNotBeNull().Rows.ShouldBe(50);
        result.Against.ShouldBe(target.DisplayName);
        notes.ShouldContain(n => n.StartsWith("measuring 1 pending migration on a scratch database", StringComparison.Ordinal));
        notes.ShouldContain("  1/1 002_widen");
    }

    [Fact]
    public async Task On_a_copy_the_pending_migrations_run_with_the_rows_through_the_measuring_role_and_the_target_is_untouched()
    {
        using var folder = new TempDirectory();
        folder.WriteFile("migrations/001_orders.sql", "CREATE TABLE orders (id int PRIMARY KEY, total int);\n");
        folder.WriteFile("migrations/002_widen.sql", "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n");
        var source = new DirectoryMigrationSource(Path.Combine(folder.Path, "migrations"));
        var alone = new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = false }.ConnectionString;
        await new Migrator(new PostgreSqlDialect(alone), source).MigrateAsync(new MigrateOptions { Target = 1 });
        await using (var connection = new Npgsql.NpgsqlConnection(alone))
        {
            await connection.OpenAsync();
            await using var insert = new Npgsql.NpgsqlCommand("INSERT INTO orders SELECT g, g FROM generate_series(1, 500) g; ANALYZE orders;", connection);
            await insert.ExecuteNonQueryAsync();
        }

        var target = new DatabaseTarget(Dialect.PostgreSql, alone, "postgres://test@local/" + Database.Name, null);
        var settings = new StrataSettings { MigrationsPath = Path.Combine(folder.Path, "migrations"), Database = target };
        var request = new MeasuredLintRequest(() => new SchemaWorkspace(new PostgreSqlDialect(alone)), new PostgreSqlDialect(alone), source, settings, folder.Path)
        {
            Against = target,
            OnCopy = true,
        };

        var result = await MeasuredLint.RunAsync(request);

        result.Measured.CopyOf.ShouldBe(target.DisplayName);
        var measured = result.Measured.Migrations.ShouldHaveSingleItem("measured once, and not listed again as not measured when no progress callback is given");
        measured.Measurement.ShouldNotBeNull().Kept.ShouldBeTrue("committed on the copy, rows included");
        result.WeightOf(result.Report.Findings.Single(f => f.Rule == LintRules.MeasuredRewrite)).ShouldNotBeNull().Size.ShouldNotBeNull().Rows.ShouldBe(500);
        (await Database.ScalarAsync<string>("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'total'")).ShouldBe("integer", "the target is only read");
    }
}
