using Strata.Schema;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Schema;

/// <summary>Diffs of real PostgreSQL states: only the change, destructive marking, renames, and introspection of a thousand tables.</summary>
public sealed class SchemaDiffTests : Strata.TestSupport.PostgresTestBase
{
    [Fact]
    [PostgresMatrix]
    public async Task Changing_a_type_and_adding_an_index_gives_only_that_with_the_narrowing_marked()
    {
        const string Before = "CREATE TABLE t (id int PRIMARY KEY, name varchar(100), n int); CREATE VIEW v AS SELECT name FROM t;";
        await Database.ExecuteAsync(Before);
        await using var target = await Server.CreateDatabaseAsync();
        await target.ExecuteAsync(Before.Replace("varchar(100)", "varchar(20)", StringComparison.Ordinal).Replace("n int", "n bigint", StringComparison.Ordinal) + " CREATE INDEX t_name_idx ON t (name) WHERE n > 0;");

        var from = await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None);
        var to = await PostgreSqlSchemaIntrospector.ReadAsync(target.ConnectionString, null, CancellationToken.None);
        var diff = SchemaDiffer.Compare(from, to, PostgreSqlDdlRenderer.Instance);

        diff.Changes.Select(c => c.Summary).ShouldBe([
            "drop view public.v",
            "alter column public.t.n",
            "alter column public.t.name",
            "create index public.t_name_idx on public.t",
            "recreate view public.v",
        ]);
        diff.DestructiveChanges.Single().Summary.ShouldBe("alter column public.t.name");
        await SchemaRoundTripTests.ApplyAsync(Database, diff);
        SchemaDiffer.Compare(await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None), to, PostgreSqlDdlRenderer.Instance).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    [PostgresMatrix]
    public async Task Enum_labels_added_at_the_end_alter_the_type_in_place()
    {
        await Database.ExecuteAsync("CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE t (m mood);");
        await using var target = await Server.CreateDatabaseAsync();
        await target.ExecuteAsync("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'it''s'); CREATE TABLE t (m mood);");

        var diff = SchemaDiffer.Compare(
            await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None),
            await PostgreSqlSchemaIntrospector.ReadAsync(target.ConnectionString, null, CancellationToken.None),
            PostgreSqlDdlRenderer.Instance);

        diff.Changes.Single().Statements.ShouldBe(["ALTER TYPE public.mood ADD VALUE 'happy'", "ALTER TYPE public.mood ADD VALUE 'it''s'"]);
    }

    [Fact]
    [PostgresMatrix]
    public async Task A_generated_column_made_plain_keeps_its_values_and_a_plain_one_made_generated_is_destructive()
    {
        await Database.ExecuteAsync("CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED, c int); INSERT INTO t (a, c) VALUES (2, 5);");
        await using var target = await Server.CreateDatabaseAsync();
        await target.ExecuteAsync("CREATE TABLE t (a int, b int, c int GENERATED ALWAYS AS (a + 1) STORED);");
        var to = await PostgreSqlSchemaIntrospector.ReadAsync(target.ConnectionString, null, CancellationToken.None);

        var diff = SchemaDiffer.Compare(await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None), to, PostgreSqlDdlRenderer.Instance);

        diff.DestructiveChanges.Select(c => c.Summary).ShouldBe(["alter column public.t.c"]);
        await SchemaRoundTripTests.ApplyAsync(Database, diff);
        (await Database.ScalarAsync<int>("SELECT b * 100 + c FROM t")).ShouldBe(403);
        SchemaDiffer.Compare(await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None), to, PostgreSqlDdlRenderer.Instance).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task A_thousand_tables_introspect_completely_with_every_key_index_and_foreign_key()
    {
        // How long this takes is the bench's "introspection of a 1,000-table schema" row (bench/run.sh), not a test's.
        var ddl = string.Concat(Enumerable.Range(0, 1000).Select(i =>
            $"CREATE TABLE t{i} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL DEFAULT 'x', ref bigint, created timestamptz DEFAULT now());"
            + $"CREATE INDEX t{i}_name_idx ON t{i} (name);" + (i > 0 ? $"ALTER TABLE t{i} ADD FOREIGN KEY (ref) REFERENCES t{i - 1} (id);" : "")));
        await Database.ExecuteAsync(ddl);

        var state = await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None);

        state.Tables.Count.ShouldBe(1000);
        state.Tables.ShouldAllBe(t => t.Columns.Count == 4 && t.Columns[0].Identity != null);
        state.Objects.Count.ShouldBe(1000 + 1000 + 999);
        state.Objects.Count(o => o.Kind == ObjectKind.ForeignKey).ShouldBe(999);
        state.Objects.Count(o => o.Kind == ObjectKind.Index).ShouldBe(1000);
        SchemaDiffer.Compare(state, state, PostgreSqlDdlRenderer.Instance).IsEmpty.ShouldBeTrue();
    }
}
