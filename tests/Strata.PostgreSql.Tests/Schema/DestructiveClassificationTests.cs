using Strata.Lint;
using Strata.Schema;
using Strata.Sources;

namespace Strata.PostgreSql.Tests.Schema;

/// <summary>
/// One classification of what loses data: every change the diff writes that lint calls a data-loss error (drop-table,
/// drop-column, drop-schema, truncate) is a destructive change of the diff, so generate never counts as "0 destructive"
/// what lint then refuses.
/// </summary>
public sealed class DestructiveClassificationTests : Strata.TestSupport.PostgresTestBase
{
    private static readonly LintRule[] DataLoss = [LintRules.DropTable, LintRules.DropColumn, LintRules.DropSchema, LintRules.Truncate];

    [Fact]
    public async Task Every_generated_change_lint_calls_a_data_loss_error_is_counted_destructive_including_a_dropped_schema()
    {
        await Database.ExecuteAsync("""
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE SCHEMA app;
            CREATE TYPE app.mood AS ENUM ('sad', 'ok');
            CREATE DOMAIN app.positive AS int CHECK (VALUE > 0);
            CREATE SEQUENCE app.counter;
            CREATE TABLE app.parent (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text UNIQUE, m app.mood, p app.positive, big bigint, old text);
            CREATE TABLE app.child (id serial PRIMARY KEY, parent_id bigint REFERENCES app.parent (id), CHECK (id > 0));
            CREATE INDEX child_parent_idx ON app.child (parent_id);
            CREATE VIEW app.v AS SELECT id FROM app.parent;
            CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.parent;
            CREATE FUNCTION app.f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER t BEFORE INSERT ON app.child FOR EACH ROW EXECUTE FUNCTION app.f();
            CREATE TABLE public.kept (id int PRIMARY KEY, big bigint, old text);
            """);
        var before = await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None);
        await using var target = await Server.CreateDatabaseAsync();
        await target.ExecuteAsync("CREATE TABLE public.kept (id int PRIMARY KEY, big int);");
        var after = await PostgreSqlSchemaIntrospector.ReadAsync(target.ConnectionString, null, CancellationToken.None);

        var diff = SchemaDiffer.Compare(before, after, PostgreSqlDdlRenderer.Instance);

        diff.Changes.Select(c => c.Summary).ShouldContain("drop schema app");
        var checkedChanges = 0;
        foreach (var change in diff.Changes)
        {
            var sql = string.Join(";\n", change.Statements) + ";\n";
            var findings = new Linter().Lint([Migration(sql)]).Findings
                .Where(f => DataLoss.Contains(f.Rule) && f.Severity == LintSeverity.Error)
                .ToList();
            if (findings.Count > 0)
            {
                checkedChanges++;
                change.IsDestructive.ShouldBeTrue($"{change.Summary}: lint says {string.Join("; ", findings)}, the diff says not destructive");
            }
        }

        checkedChanges.ShouldBeGreaterThanOrEqualTo(4, "drop table (2), drop column, drop schema");
        diff.DestructiveChanges.Select(c => c.Summary).ShouldContain("drop schema app");
    }

    private static Migration Migration(string sql) => new()
    {
        Version = 2,
        Name = "generated",
        Kind = MigrationKind.Versioned,
        Checksum = "x",
        SourcePath = "migrations/002_generated.sql",
        Up = new SqlScript(sql, "migrations/002_generated.sql", 1, transactional: true),
        Down = new SqlScript("SELECT 1;", "migrations/002_generated.sql", 10, transactional: true),
    };
}
