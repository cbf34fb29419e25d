using Strata.Execution;
using Strata.Schema;
using Strata.Sources;

namespace Strata.Conformance;

/// <summary>
/// The schema roles every dialect offers (<see cref="ISchemaDialect.SchemaRoles"/>): introspection and DDL agree with
/// each other, scratch databases live and go as documented, and wipe empties a database that stays usable.
/// </summary>
public abstract class SchemaRolesConformance(IConformanceTarget target) : ConformanceBase(target)
{
    /// <summary>Tables, a foreign key, a unique key, an index and a view, in SQL both dialects read.</summary>
    protected const string Shop = """
        CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors (id), title TEXT NOT NULL, UNIQUE (title));
        CREATE INDEX books_author ON books (author_id);
        CREATE VIEW book_titles AS SELECT b.id, b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id;
        """;

    [Fact]
    public async Task A_schema_read_rendered_and_applied_to_a_scratch_database_reads_back_the_same()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await db.ExecuteAsync(Shop);
        var roles = Roles(db);
        var read = await roles.Introspector.ReadAsync(null, "the test database", CancellationToken.None);
        read.Tables.Select(t => t.Name.Name).Order().ShouldBe(["authors", "books"]);

        var scratch = await roles.Scratch.OpenAsync(null, "the test database", CancellationToken.None);
        await using (scratch)
        {
            await ApplyAsync(scratch.Provider, SchemaScript.Render(read, roles.Renderer));
            var again = await scratch.ReadAsync(null, CancellationToken.None);

            var difference = SchemaDiffer.Compare(read, again, roles.Renderer);
            difference.IsEmpty.ShouldBeTrue("rendering what was read and applying it gives the same schema; the difference:\n" + difference.ToScript());
        }
    }

    [Fact]
    public async Task A_scratch_database_is_opened_used_emptied_used_again_and_released_without_leaving_anything()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var roles = Roles(db);
        var scratch = await roles.Scratch.OpenAsync(null, "the test database", CancellationToken.None);
        await using (scratch)
        {
            scratch.Reused.ShouldBeFalse("opened without a content key, it starts empty");
            IsEmpty(await scratch.ReadAsync(null, CancellationToken.None)).ShouldBeTrue();
            await ApplyAsync(scratch.Provider, "CREATE TABLE first_use (id INTEGER PRIMARY KEY);");
            TableNames(await scratch.ReadAsync(null, CancellationToken.None)).ShouldBe(["first_use"]);

            await scratch.EmptyAsync(CancellationToken.None);
            IsEmpty(await scratch.ReadAsync(null, CancellationToken.None)).ShouldBeTrue("emptied, it holds nothing of the first use");

            await ApplyAsync(scratch.Provider, "CREATE TABLE second_use (id INTEGER PRIMARY KEY);");
            TableNames(await scratch.ReadAsync(null, CancellationToken.None)).ShouldBe(["second_use"]);
        }

        (await db.TableExistsAsync("first_use")).ShouldBeFalse("the configured database is never the scratch database");
        (await db.TableExistsAsync("second_use")).ShouldBeFalse();
        var next = await roles.Scratch.OpenAsync(null, "the test database", CancellationToken.None);
        await using (next)
        {
            IsEmpty(await next.ReadAsync(null, CancellationToken.None)).ShouldBeTrue("a released scratch database leaves nothing for the next use");
        }
    }

    [Fact]
    public async Task Wipe_empties_a_database_with_tables_views_and_indexes_and_it_can_be_migrated_afterwards()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await db.ExecuteAsync(Shop);
        await Migrator(db, ThreeTables()).MigrateAsync();
        var roles = Roles(db);

        await roles.Wipe.ShouldNotBeNull().WipeAsync("the test database", CancellationToken.None);

        if (await roles.Introspector.ExistsAsync(CancellationToken.None))
        {
            IsEmpty(await roles.Introspector.ReadAsync(null, "the test database", CancellationToken.None)).ShouldBeTrue("wipe leaves no table, view or index");
        }

        (await db.TableExistsAsync(History.Table)).ShouldBeFalse("the history goes too");
        var result = await Migrator(db, ThreeTables()).MigrateAsync();
        result.Applied.Count.ShouldBe(3, "the wiped database is usable: every migration applies again");
        (await db.TableExistsAsync("t3")).ShouldBeTrue();
    }

    /// <summary>The schema roles of <paramref name="db"/>'s dialect.</summary>
    protected static SchemaRoles Roles(ITestDatabase db) =>
        db.Provider().ShouldBeAssignableTo<ISchemaDialect>().ShouldNotBeNull().SchemaRoles;

    /// <summary>Runs <paramref name="sql"/> on a session of <paramref name="provider"/>, statement by statement.</summary>
    protected static async Task ApplyAsync(IDialect provider, string sql)
    {
        var session = await provider.OpenAsync(new SessionOptions(), CancellationToken.None);
        await using (session)
        {
            await session.Executor.ExecuteStatementsAsync("test", new SqlScript(sql, "test.sql", 1, transactional: false), null, CancellationToken.None);
        }
    }

    /// <summary>True when <paramref name="schema"/> holds no table and nothing else but schemas.</summary>
    protected static bool IsEmpty(DatabaseSchema schema) => schema.Tables.Count == 0 && schema.Objects.All(o => o.Kind == ObjectKind.Schema);

    /// <summary>The tables' names, sorted.</summary>
    protected static string[] TableNames(DatabaseSchema schema) => [.. schema.Tables.Select(t => t.Name.Name).Order(StringComparer.Ordinal)];
}
