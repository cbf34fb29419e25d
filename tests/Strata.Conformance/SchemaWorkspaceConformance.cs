using Strata.Errors;
using Strata.Execution;
using Strata.Schema;

namespace Strata.Conformance;

/// <summary>
/// What the schema commands do, called as the library (<see cref="SchemaWorkspace"/>), no CLI: pull, diff, push,
/// generate's comparison, dump and verify, each on a real database of the dialect.
/// </summary>
public abstract class SchemaWorkspaceConformance(IConformanceTarget target) : ConformanceBase(target)
{
    private const string Authors = "CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL);";
    private const string Books = "CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL);";

    [Fact]
    public async Task Pull_reads_the_database_as_the_schema_file_writes_it_and_refuses_a_filter_that_matches_nothing()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await db.ExecuteAsync(Authors + "\nCREATE INDEX authors_name ON authors (name);");
        await Migrator(db, ThreeTables()).MigrateAsync();
        await using var workspace = Workspace(db);

        var schema = await workspace.PullAsync(new SchemaFilter { Tables = ["authors"] }, CancellationToken.None);

        schema.Tables.Select(t => t.Name.Name).ShouldBe(["authors"]);
        var text = workspace.Render(schema, "pulled");
        text.ShouldContain("CREATE TABLE");
        text.ShouldContain("authors_name");
        text.ShouldNotContain(History.Table, Case.Sensitive, "Strata's own tables are never part of the schema");
        var refused = await Should.ThrowAsync<StrataException>(() => workspace.PullAsync(new SchemaFilter { Tables = ["no_such_table"] }, CancellationToken.None));
        refused.Category.ShouldBe(ErrorCategory.BadInput);
    }

    [Fact]
    public async Task Diff_compares_the_database_with_the_schema_files_and_changes_nothing()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await db.ExecuteAsync(Authors);
        await using var workspace = Workspace(db);

        var comparison = await workspace.DiffAsync(Files(Authors + "\n" + Books), CancellationToken.None);

        comparison.Changes.IsEmpty.ShouldBeFalse();
        comparison.Changes.ToScript().ShouldContain("CREATE TABLE");
        comparison.Changes.ToScript().ShouldContain("books");
        comparison.Reverse.ToScript().ShouldContain("DROP TABLE");
        comparison.NotManaged.ShouldBeEmpty();
        (await db.TableExistsAsync("books")).ShouldBeFalse("diff changes nothing");
    }

    [Fact]
    public async Task Push_applies_the_difference_when_approved_and_then_finds_nothing_to_do()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await db.ExecuteAsync(Authors);
        var files = Files(Authors + "\n" + Books);
        await using (var refused = Workspace(db))
        {
            var (comparison, applied) = await refused.PushAsync(files, _ => false, CancellationToken.None);
            (comparison.Changes.IsEmpty, applied).ShouldBe((false, false));
            (await db.TableExistsAsync("books")).ShouldBeFalse("not approved: nothing applied");
        }

        await using (var workspace = Workspace(db))
        {
            var (_, applied) = await workspace.PushAsync(files, approve: null, CancellationToken.None);
            applied.ShouldBeTrue();
            (await db.TableExistsAsync("books")).ShouldBeTrue();
        }

        await using var again = Workspace(db);
        var (second, appliedAgain) = await again.PushAsync(files, approve: null, CancellationToken.None);
        (second.Changes.IsEmpty, appliedAgain).ShouldBe((true, false));
    }

    [Fact]
    public async Task Generate_compares_what_the_migrations_produce_with_the_schema_files_as_an_up_and_a_down()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await using var workspace = Workspace(db);
        var migrations = new MigrationSet().Add(1, "create_authors", Authors, "DROP TABLE authors;");

        var comparison = await workspace.DiffMigrationsAsync(Files(Authors + "\n" + Books), migrations, CancellationToken.None);

        comparison.Plan.Up.ToScript().ShouldContain("books");
        comparison.Plan.Up.ToScript().ShouldNotContain("authors", Case.Sensitive, "the migrations already create it");
        comparison.Plan.Down.ToScript().ShouldContain("DROP TABLE");
        (await db.TableExistsAsync("authors")).ShouldBeFalse("the migrations ran on a scratch database");
    }

    [Fact]
    public async Task Dump_gives_the_schema_the_migrations_produce_without_strata_tables()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await using var workspace = Workspace(db);

        var schema = await workspace.DumpAsync(ThreeTables(), CancellationToken.None);

        schema.Tables.Select(t => t.Name.Name).Order(StringComparer.Ordinal).ShouldBe(["t1", "t2", "t3"]);
        (await db.TableExistsAsync("t1")).ShouldBeFalse("dump never touches the configured database");
    }

    [Fact]
    public async Task Verify_proves_each_down_undoes_its_up_and_stops_at_the_first_that_does_not()
    {
        await using var db = await Target.CreateDatabaseAsync();
        await using (var workspace = Workspace(db))
        {
            var seen = new List<long?>();
            var result = await workspace.VerifyAsync(ThreeTables(), Files("CREATE TABLE t1 (id INTEGER PRIMARY KEY, name TEXT);\nCREATE TABLE t2 (id INTEGER PRIMARY KEY);\nCREATE TABLE t3 (id INTEGER PRIMARY KEY);"), v => seen.Add(v.Migration.Version), CancellationToken.None);

            result.Success.ShouldBeTrue(result.Drift?.ToScript());
            (result.Total, result.Verified.Count, result.ComparedWithSchemaFiles).ShouldBe((3, 3, true));
            seen.ShouldBe([1L, 2L, 3L]);
        }

        var broken = ThreeTables().Add(2, "create_t2", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);", "SELECT 1;");
        await using var second = Workspace(db);
        var failed = await second.VerifyAsync(broken, desired: null, verified: null, CancellationToken.None);

        failed.Success.ShouldBeFalse();
        var failure = failed.Failure.ShouldNotBeNull();
        (failure.Migration.Version, failure.Kind).ShouldBe((2L, VerifyFailureKind.DownDoesNotRestore));
        failure.Difference.ToScript().ShouldContain("DROP TABLE");
        failed.Verified.Select(v => v.Migration.Version).ShouldBe([1L]);
        (await db.TableExistsAsync("t1")).ShouldBeFalse("verify never touches the configured database");
    }

    /// <summary>A workspace on <paramref name="db"/> with the kit's history table.</summary>
    protected internal static SchemaWorkspace Workspace(ITestDatabase db) => new(db.Provider(), new SchemaWorkspaceOptions
    {
        DisplayName = "the test database",
        Migrator = new MigratorOptions { LockTimeout = TimeSpan.FromSeconds(30), History = History },
    });

    /// <summary>One schema file holding <paramref name="sql"/>.</summary>
    protected internal static SchemaFiles Files(string sql) => new([new SchemaFile("schema.sql", "schema.sql", sql)]);
}
