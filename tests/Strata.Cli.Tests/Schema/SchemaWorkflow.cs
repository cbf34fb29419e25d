namespace Strata.Cli.Tests.Schema;

/// <summary>The schema workflow a new user follows (issue 5's "done when"), shared by the SQLite and PostgreSQL tests.</summary>
internal static class SchemaWorkflow
{
    public const string Initial = """
        CREATE TABLE users (
            id integer PRIMARY KEY,
            email text NOT NULL UNIQUE,
            name varchar(100)
        );
        CREATE TABLE posts (
            id integer PRIMARY KEY,
            user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            title text NOT NULL
        );
        CREATE VIEW titles AS SELECT title FROM posts;
        """;

    /// <summary>Writes <paramref name="file"/> in the workspace's root (next to migrations/).</summary>
    public static void WriteRoot(Workspace workspace, string file, string text) => File.WriteAllText(Path.Combine(workspace.Root, file), text);

    /// <summary>Generate, migrate, roll back and migrate again; then change a column type and add an index.</summary>
    public static async Task RunAsync(Workspace workspace, Cli cli, string narrowed, Func<string, Task> insert)
    {
        SchemaWorkflow.WriteRoot(workspace, "schema.sql", Initial);
        var first = await cli.RunAsync("generate", "init", "--sequential");
        first.ExitCode.ShouldBe(0, first.ToString());
        File.ReadAllText(Path.Combine(workspace.Migrations, "001_init.sql")).ShouldContain("-- strata:down");
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("rollback")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        var clean = await cli.RunAsync("diff", "--exit-code");
        clean.ExitCode.ShouldBe(0, clean.ToString());
        (await cli.RunAsync("generate", "nothing")).Stdout.ShouldContain("nothing to generate");
        await insert("INSERT INTO users (id, email, name) VALUES (1, 'a@example.com', 'Ann'); INSERT INTO posts (id, user_id, title) VALUES (1, 1, 'Hello')");

        SchemaWorkflow.WriteRoot(workspace, "schema.sql", Initial.Replace("name varchar(100)", "name " + narrowed, StringComparison.Ordinal) + "\nCREATE INDEX posts_title_idx ON posts (title);\n");
        var refused = await cli.RunAsync("generate", "narrow");
        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Stderr.ShouldContain("destructive");
        Directory.GetFiles(workspace.Migrations).Length.ShouldBe(1);

        var second = await cli.RunAsync("generate", "narrow", "--yes");
        second.ExitCode.ShouldBe(0, second.ToString());
        var text = File.ReadAllText(Path.Combine(workspace.Migrations, "002_narrow.sql"));
        text.ShouldContain("-- DESTRUCTIVE: narrowing type change");
        // PostgreSQL builds the index on the existing table concurrently, in a migration of its own (003_narrow_indexes.sql).
        string.Concat(Directory.GetFiles(workspace.Migrations).Where(f => !Path.GetFileName(f).StartsWith("001_", StringComparison.Ordinal)).Select(File.ReadAllText))
            .ShouldContain("posts_title_idx");
        text.ShouldNotContain("CREATE TABLE posts");
        var drift = await cli.RunAsync("diff", "--exit-code");
        drift.ExitCode.ShouldBe(3, drift.ToString());

        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("diff", "--exit-code")).ExitCode.ShouldBe(0);
        var rollback = await cli.RunAsync("rollback");
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        (await cli.RunAsync("diff", "--from", "migrations", "--exit-code")).ExitCode.ShouldBe(0);

        var dump = await cli.RunAsync("dump");
        dump.ExitCode.ShouldBe(0, dump.ToString());
        (await cli.RunAsync("dump")).Stdout.ShouldBe(dump.Stdout);
        dump.Stdout.ShouldContain("posts_title_idx");
    }
}
