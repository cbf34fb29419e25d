using Microsoft.Data.Sqlite;
using Strata.Schema;

namespace Strata.Sqlite.Tests.Schema;

/// <summary>
/// Every kind of object <c>sqlite_schema</c> holds, made by hand, read, rendered into an empty database and taken away
/// again: the copy holds the same objects (<see cref="SqliteObjectDump"/>), reads back as the same state, and the down
/// script leaves no object behind.
/// </summary>
public sealed class ObjectKindRoundTripTests
{
    public static TheoryData<string> Kinds() => new(Cases.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, string> Cases = new(StringComparer.Ordinal)
    {
        ["tables"] = """
            CREATE TABLE authors (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT DEFAULT 'anon', score REAL CHECK (score >= 0));
            CREATE TABLE books (id INTEGER PRIMARY KEY, author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE, title TEXT NOT NULL,
                words INTEGER, pages INTEGER GENERATED ALWAYS AS (words / 300) VIRTUAL, UNIQUE (author_id, title), CHECK (words > 0));
            CREATE TABLE settings (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
            CREATE TABLE typed (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, t TEXT) STRICT;
            """,
        ["indexes"] = """
            CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, at TEXT, payload TEXT);
            CREATE INDEX events_kind ON events (kind);
            CREATE UNIQUE INDEX events_kind_at ON events (kind, at DESC);
            CREATE INDEX events_recent ON events (at) WHERE kind <> 'debug';
            CREATE INDEX events_lower ON events (lower(payload) COLLATE NOCASE);
            """,
        ["views"] = """
            CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL NOT NULL, region TEXT);
            CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
            CREATE VIEW big_order_count (n) AS SELECT count(*) FROM big_orders;
            """,
        ["triggers"] = """
            CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, updated TEXT);
            CREATE TABLE item_log (id INTEGER, at TEXT);
            CREATE TRIGGER items_touch AFTER UPDATE OF name ON items FOR EACH ROW WHEN NEW.name IS NOT OLD.name
            BEGIN UPDATE items SET updated = datetime('now') WHERE id = NEW.id; INSERT INTO item_log VALUES (NEW.id, datetime('now')); END;
            CREATE VIEW item_names AS SELECT id, name FROM items;
            CREATE TRIGGER item_names_insert INSTEAD OF INSERT ON item_names BEGIN INSERT INTO items (id, name) VALUES (NEW.id, NEW.name); END;
            """,
        ["virtual_tables"] = """
            CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
            CREATE VIRTUAL TABLE notes_search USING fts5(body, content='notes', content_rowid='id');
            CREATE TRIGGER notes_indexed AFTER INSERT ON notes BEGIN INSERT INTO notes_search (rowid, body) VALUES (NEW.id, NEW.body); END;
            CREATE VIEW note_hits AS SELECT rowid FROM notes_search;
            CREATE VIRTUAL TABLE plain_search USING fts5(title, tokenize = 'porter');
            """,
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_object_kind_renders_into_an_empty_database_with_the_same_objects_and_its_down_script_empties_it(string kind)
    {
        await using var original = await OpenAsync(Cases[kind]);
        var state = await SqliteSchemaIntrospector.ReadAsync(original, null, CancellationToken.None);
        state.Unmanaged.ShouldBeEmpty();

        var plan = SchemaDiffer.Plan(DatabaseSchema.Empty, state, SqliteDdlRenderer.Instance);
        await using var copy = await OpenAsync(plan.Up.ToScript());
        (await SqliteObjectDump.TakeAsync(copy)).ShouldBe(await SqliteObjectDump.TakeAsync(original));
        SchemaDiffer.Compare(await SqliteSchemaIntrospector.ReadAsync(copy, null, CancellationToken.None), state, SqliteDdlRenderer.Instance).ToScript().ShouldBe("");

        await ExecuteAsync(copy, plan.Down.ToScript());
        (await SqliteObjectDump.TakeAsync(copy)).ShouldBeEmpty();
    }

    private static async Task<SqliteConnection> OpenAsync(string sql)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        if (sql.Length == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
