using Microsoft.Data.Sqlite;

namespace Strata.Cli.Tests.Schema;

/// <summary>
/// Every kind of object sqlite_schema holds (tables with keys and checks, WITHOUT ROWID and STRICT tables, indexes,
/// views, triggers, virtual tables) through pull, push, diff, generate, migrate and rollback: the copies hold the same
/// objects, text for text where SQLite keeps the text (indexes, views, triggers, virtual tables).
/// </summary>
public sealed class SqliteObjectKindCommandTests
{
    private const string AllKinds = """
        CREATE TABLE authors (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE COLLATE NOCASE, score REAL CHECK (score >= 0));
        CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE, title TEXT NOT NULL, UNIQUE (author_id, title));
        CREATE TABLE settings (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
        CREATE TABLE typed (id INTEGER PRIMARY KEY, n INTEGER NOT NULL) STRICT;
        CREATE INDEX books_title ON books (lower(title)) WHERE author_id > 0;
        CREATE VIEW titles AS SELECT title FROM books;
        CREATE TRIGGER books_lower AFTER INSERT ON books BEGIN UPDATE books SET title = lower(NEW.title) WHERE id = NEW.id; END;
        CREATE VIRTUAL TABLE books_search USING fts5(title, content='books', content_rowid='id');
        """;

    [Fact]
    public async Task Every_sqlite_object_kind_survives_pull_push_and_generate_migrate_rollback()
    {
        using var workspace = new Workspace();
        await ExecuteAsync(Path.Combine(workspace.Root, "app.db"), AllKinds);
        var original = await ObjectsAsync(Path.Combine(workspace.Root, "app.db"));
        var pull = await workspace.Cli().RunAsync("pull");
        pull.ExitCode.ShouldBe(0, pull.ToString());
        (await workspace.Cli().RunAsync("diff", "--exit-code")).ExitCode.ShouldBe(0);

        var pushed = Path.Combine(workspace.Root, "pushed.db");
        var push = await On(workspace, pushed).RunAsync("push");
        push.ExitCode.ShouldBe(0, push.ToString());
        (await ObjectsAsync(pushed)).ShouldBe(original);
        (await On(workspace, pushed).RunAsync("diff", "--exit-code")).ExitCode.ShouldBe(0);

        var migrated = Path.Combine(workspace.Root, "migrated.db");
        (await On(workspace, migrated).RunAsync("generate", "all_kinds", "--sequential")).ExitCode.ShouldBe(0);
        var migrate = await On(workspace, migrated).RunAsync("migrate");
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        (await ObjectsAsync(migrated)).ShouldBe(original);
        (await On(workspace, migrated).RunAsync("diff", "--exit-code")).ExitCode.ShouldBe(0);
        (await On(workspace, migrated).RunAsync("rollback")).ExitCode.ShouldBe(0);
        (await ObjectsAsync(migrated)).ShouldBeEmpty();
    }

    private static Cli On(Workspace workspace, string path) => new Cli(workspace.Root).With("DATABASE_URL", "sqlite:" + path);

    /// <summary>sqlite_schema without Strata's history and SQLite's own tables: tables by name, everything else with its text.</summary>
    private static async Task<List<string>> ObjectsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT type || ' ' || name || CASE WHEN type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' THEN '' ELSE char(10) || coalesce(sql, '') END
            FROM sqlite_schema WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE 'strata\_migrations%' ESCAPE '\' ORDER BY 1
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var objects = new List<string>();
        while (await reader.ReadAsync())
        {
            objects.Add(reader.GetString(0));
        }

        return objects;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
