using Microsoft.Data.Sqlite;

namespace Strata.Cli.Tests.Schema;

/// <summary>diff, generate, push, pull and dump on SQLite, in-process.</summary>
public sealed class SqliteSchemaCommandTests
{
    [Fact]
    public async Task New_user_workflow_generates_a_migration_with_a_working_down_and_only_the_next_change()
    {
        using var workspace = new Workspace();
        await SchemaWorkflow.RunAsync(workspace, workspace.Cli(), "integer", sql => ExecuteAsync(workspace, sql));

        var rows = await ScalarAsync(workspace, "SELECT count(*) FROM posts");
        rows.ShouldBe(1L, "rebuilding users must not cascade to posts");
    }

    [Fact]
    public async Task Push_makes_the_database_match_and_pull_reproduces_a_hand_built_database()
    {
        using var workspace = new Workspace();
        var cli = workspace.Cli();
        await ExecuteAsync(workspace, "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL DEFAULT 'x' COLLATE NOCASE, n REAL CHECK (n > 0)); CREATE INDEX a_name ON a (name) WHERE n > 1; CREATE VIEW v AS SELECT name FROM a");

        var pull = await cli.RunAsync("pull");
        pull.ExitCode.ShouldBe(0, pull.ToString());
        (await cli.RunAsync("diff", "--exit-code")).ExitCode.ShouldBe(0);

        var other = new Cli(workspace.Root).With("DATABASE_URL", "sqlite:" + Path.Combine(workspace.Root, "dev.db"));
        var push = await other.RunAsync("push");
        push.ExitCode.ShouldBe(0, push.ToString());
        var after = await other.RunAsync("diff", "--exit-code");
        after.ExitCode.ShouldBe(0, after.ToString());
        var repull = await other.RunAsync("pull", "-o", "-");
        repull.Stdout.TrimEnd().ShouldBe(File.ReadAllText(Path.Combine(workspace.Root, "schema.sql")).TrimEnd());
    }

    [Fact]
    public async Task Pull_and_dump_say_what_the_schema_holds_by_kind()
    {
        using var workspace = new Workspace();
        var cli = workspace.Cli();
        await ExecuteAsync(workspace, "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL); CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id)); CREATE INDEX orders_user ON orders (user_id)");

        var pull = await cli.RunAsync("pull");
        SchemaWorkflow.WriteRoot(workspace, "migrations/001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        var dump = await cli.RunAsync("dump", "-o", "snapshot.sql");

        pull.ExitCode.ShouldBe(0, pull.ToString());
        pull.Stdout.ShouldContain("wrote schema.sql: 2 tables, 2 primary keys, 1 foreign key, 1 index");
        dump.ExitCode.ShouldBe(0, dump.ToString());
        dump.ToString().ShouldContain("wrote snapshot.sql: 1 table, 1 primary key");
    }

    [Fact]
    public async Task Migrate_after_push_and_generate_on_the_same_database_names_mark_applied_when_the_table_already_exists()
    {
        using var workspace = new Workspace();
        var cli = workspace.Cli();
        SchemaWorkflow.WriteRoot(workspace, "schema.sql", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
        (await cli.RunAsync("push")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("generate", "init", "--sequential")).ExitCode.ShouldBe(0);

        var migrate = await cli.RunAsync("migrate");

        migrate.ExitCode.ShouldBe(4, migrate.ToString());
        migrate.Stderr.ShouldContain("already exists");
        migrate.Stderr.ShouldContain("strata mark-applied 1");
        (await cli.RunAsync("mark-applied", "1")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Push_is_refused_on_a_protected_environment_and_a_missing_schema_names_the_file()
    {
        using var workspace = new Workspace();
        SchemaWorkflow.WriteRoot(workspace, "strata.json", """{ "database": "sqlite:app.db", "environments": { "production": { "protected": true } } }""");
        var cli = new Cli(workspace.Root);

        var missing = await cli.RunAsync("diff");
        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldContain("schema.sql does not exist");

        SchemaWorkflow.WriteRoot(workspace, "schema.sql", "CREATE TABLE t (id integer);");
        var refused = await cli.RunAsync("push", "--env", "production", "--yes");
        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Stderr.ShouldContain("protected");
    }

    [Fact]
    public async Task A_rename_hint_renames_instead_of_dropping()
    {
        using var workspace = new Workspace();
        var cli = workspace.Cli();
        SchemaWorkflow.WriteRoot(workspace, "schema.sql", "CREATE TABLE people (id integer PRIMARY KEY, email text);");
        (await cli.RunAsync("push")).ExitCode.ShouldBe(0);
        await ExecuteAsync(workspace, "INSERT INTO people VALUES (1, 'a@b')");

        SchemaWorkflow.WriteRoot(workspace, "schema.sql", "-- strata:rename table people -> users\n-- strata:rename column users.email -> mail\nCREATE TABLE users (id integer PRIMARY KEY, mail text);");
        var diff = await cli.RunAsync("diff");
        diff.Stdout.ShouldContain("ALTER TABLE people RENAME TO users");
        diff.Stdout.ShouldContain("RENAME COLUMN email TO mail");
        diff.Stdout.ShouldNotContain("DROP TABLE");
        (await cli.RunAsync("push")).ExitCode.ShouldBe(0);
        (await ScalarAsync(workspace, "SELECT mail FROM users")).ShouldBe("a@b");
    }

    private static async Task ExecuteAsync(Workspace workspace, string sql)
    {
        await using var connection = new SqliteConnection("Data Source=" + Path.Combine(workspace.Root, "app.db") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(Workspace workspace, string sql)
    {
        await using var connection = new SqliteConnection("Data Source=" + Path.Combine(workspace.Root, "app.db") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
