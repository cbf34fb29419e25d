using System.Globalization;
using Strata.History;

namespace Strata.Adoption;

/// <summary>
/// Where each tool keeps its history and what its rows mean, from the tools' own code: Knex (lib/migrations/migrate:
/// knex_migrations, knex_migrations_lock.is_locked), Drizzle (drizzle-orm pg-core dialect.migrate: the newest
/// created_at is a watermark on the journal's when, hash = SHA-256 of the file), node-pg-migrate (pgmigrations.name =
/// file name without extension), golang-migrate (database/postgres: one row, version and dirty), dbmate
/// (schema_migrations.version, one row each), goose (goose_db_version: the newest row of a version_id says
/// is_applied), Flyway (flyway_schema_history: success = false is a failed migration), Prisma (_prisma_migrations:
/// finished_at null and rolled_back_at null is a failed migration), Diesel (__diesel_schema_migrations), sql-migrate
/// (gorp_migrations.id = file name), EF Core (__EFMigrationsHistory.MigrationId), Sqitch (sqitch.changes), sqlx
/// (sqlx-core migrate: _sqlx_migrations, SHA-384 of each file, success = false is a partially applied migration).
/// The same queries read PostgreSQL and SQLite (where flags are 0/1 integers and times text or epoch milliseconds).
/// </summary>
internal static class ForeignTables
{
    /// <summary>The tools in the order they are looked for (golang-migrate before dbmate: both use schema_migrations, golang-migrate's has dirty).</summary>
    public static readonly ForeignTool[] Order =
    [
        ForeignTool.Knex, ForeignTool.Drizzle, ForeignTool.NodePgMigrate, ForeignTool.GolangMigrate, ForeignTool.Dbmate, ForeignTool.Goose,
        ForeignTool.Flyway, ForeignTool.Prisma, ForeignTool.Diesel, ForeignTool.SqlMigrate, ForeignTool.EfCore, ForeignTool.Sqitch, ForeignTool.Sqlx,
    ];

    /// <summary>The table each tool writes, as shown in messages (the first of <see cref="Names"/>).</summary>
    public static string Table(ForeignTool tool) => Names(tool)[0];

    /// <summary>
    /// Where each tool may keep its table, most usual first, as a query names it: Drizzle Kit keeps it in the
    /// <c>drizzle</c> schema on PostgreSQL and as <c>__drizzle_migrations</c> on SQLite (drizzle-orm sqlite-core dialect).
    /// </summary>
    public static IReadOnlyList<string> Names(ForeignTool tool) => tool switch
    {
        ForeignTool.Knex => ["knex_migrations"],
        ForeignTool.Drizzle => ["drizzle.__drizzle_migrations", "__drizzle_migrations"],
        ForeignTool.NodePgMigrate => ["pgmigrations"],
        ForeignTool.GolangMigrate or ForeignTool.Dbmate => ["schema_migrations"],
        ForeignTool.Goose => ["goose_db_version"],
        ForeignTool.Flyway => ["flyway_schema_history"],
        ForeignTool.Prisma => ["_prisma_migrations"],
        ForeignTool.Diesel => ["__diesel_schema_migrations"],
        ForeignTool.SqlMigrate => ["gorp_migrations"],
        ForeignTool.EfCore => ["\"__EFMigrationsHistory\""],
        ForeignTool.Sqlx => ["_sqlx_migrations"],
        _ => ["sqitch.changes"],
    };

    /// <summary>The tool whose history table is called <paramref name="name"/> (Strata's <c>history.table</c> pointed at it), or null.</summary>
    public static ForeignTool? Owner(HistoryTableName name) => Order.Cast<ForeignTool?>().FirstOrDefault(tool => Names(tool!.Value).Any(table =>
    {
        var parts = table.Replace("\"", "", StringComparison.Ordinal).Split('.');
        return parts.Length == 1 ? parts[0] == name.Table : parts[1] == name.Table && parts[0] == name.Schema;
    }));

    /// <summary>The query that reads the tool's history from <paramref name="table"/>, as found (null result: not this tool).</summary>
    public static string Query(ForeignTool tool, string table) => tool switch
    {
        ForeignTool.Knex => $"SELECT name, migration_time, (SELECT max(is_locked) FROM {table}_lock) FROM {table} ORDER BY id",
        // created_at first: on SQLite Drizzle's "id SERIAL PRIMARY KEY" is no rowid alias and stays null.
        ForeignTool.Drizzle => $"SELECT hash, created_at FROM {table} ORDER BY created_at, id",
        ForeignTool.NodePgMigrate => $"SELECT name, run_on FROM {table} ORDER BY run_on, id",
        ForeignTool.GolangMigrate => $"SELECT version, NULL, dirty FROM {table}",
        ForeignTool.Dbmate => $"SELECT version FROM {table} ORDER BY version",
        ForeignTool.Goose => $"SELECT version_id, tstamp, is_applied FROM {table} ORDER BY id",
        ForeignTool.Flyway => $"SELECT coalesce(version, 'R:' || description), installed_on, success, checksum, type, script FROM {table} WHERE type <> 'SCHEMA' ORDER BY installed_rank",
        ForeignTool.Prisma => $"SELECT migration_name, finished_at, rolled_back_at, checksum FROM {table} ORDER BY started_at, migration_name",
        ForeignTool.Diesel => $"SELECT version, run_on FROM {table} ORDER BY version",
        ForeignTool.SqlMigrate => $"SELECT id, applied_at FROM {table} ORDER BY id",
        ForeignTool.EfCore => $"SELECT \"MigrationId\" FROM {table} ORDER BY \"MigrationId\"",
        ForeignTool.Sqlx => $"SELECT version, installed_on, success, checksum, description FROM {table} ORDER BY version",
        _ => $"SELECT change, committed_at FROM {table} ORDER BY committed_at",
    };

    /// <summary>What the rows of <see cref="Query"/> on <paramref name="table"/> say.</summary>
    public static ForeignHistory Interpret(ForeignTool tool, string table, IReadOnlyList<object?[]> rows) => tool switch
    {
        ForeignTool.Knex => Knex(table, rows),
        ForeignTool.Drizzle => new(tool, table, rows.Select(r => new ForeignEntry(Text(r[1]), At(r[1]), Text(r[0]))).ToList()),
        ForeignTool.GolangMigrate => GolangMigrate(table, rows),
        ForeignTool.Goose => new(tool, table, rows.GroupBy(r => Text(r[0])).Where(g => g.Key != "0" && Bool(g.Last()[2]))
            .Select(g => new ForeignEntry(g.Key, At(g.Last()[1]))).OrderBy(e => long.Parse(e.Key, CultureInfo.InvariantCulture)).ToList()),
        ForeignTool.Flyway => Flyway(table, rows),
        ForeignTool.Prisma => Prisma(table, rows),
        ForeignTool.Sqlx => Sqlx(table, rows),
        _ => new(tool, table, rows.Select(r => new ForeignEntry(Text(r[0]), r.Length > 1 ? At(r[1]) : null)).ToList()),
    };

    private static ForeignHistory Knex(string table, IReadOnlyList<object?[]> rows)
    {
        var locked = rows.Count > 0 && Convert.ToInt32(rows[0][2] ?? 0, CultureInfo.InvariantCulture) == 1;
        return new(ForeignTool.Knex, table, rows.Select(r => new ForeignEntry(Text(r[0]), At(r[1]))).ToList())
        {
            Unsafe = locked ? "Knex's lock is held (knex_migrations_lock.is_locked = 1): a Knex migration is running, or one was killed" : null,
            Fix = locked ? "wait for it to finish; when none is running, release the lock with `npx knex migrate:unlock` and adopt again" : null,
        };
    }

    private static ForeignHistory GolangMigrate(string table, IReadOnlyList<object?[]> rows)
    {
        var row = rows.Count > 0 ? rows[0] : null;
        var dirty = Bool(row?[2]);
        return new(ForeignTool.GolangMigrate, table, row is null ? [] : [new ForeignEntry(Text(row[0]), null)])
        {
            IsWatermark = true,
            Unsafe = dirty ? $"golang-migrate marks version {Text(row![0])} dirty: it failed part-way and the database may hold half of it" : null,
            Fix = dirty ? $"finish or undo that migration by hand, then `migrate force {Text(row![0])}` (or the version before it) and adopt again" : null,
        };
    }

    private static ForeignHistory Flyway(string table, IReadOnlyList<object?[]> rows)
    {
        var failed = rows.FirstOrDefault(r => r[2] is not null && !Bool(r[2]));
        return new(ForeignTool.Flyway, table, rows.Where(r => Bool(r[2]) && Text(r[4]) is not ("UNDO_SQL" or "DELETE"))
            .Select(r => new ForeignEntry(Text(r[0]), At(r[1]), r[3] is null ? null : Text(r[3]))).ToList())
        {
            Unsafe = failed is null ? null : $"Flyway recorded {Text(failed[5])} as failed (success = false)",
            Fix = failed is null ? null : "undo what it changed by hand, then `flyway repair` (removes the failed row) and adopt again",
        };
    }

    private static ForeignHistory Prisma(string table, IReadOnlyList<object?[]> rows)
    {
        var failed = rows.FirstOrDefault(r => r[1] is null && r[2] is null);
        return new(ForeignTool.Prisma, table, rows.Where(r => r[1] is not null && r[2] is null)
            .Select(r => new ForeignEntry(Text(r[0]), At(r[1]), r[3] is null ? null : Text(r[3]))).ToList())
        {
            Unsafe = failed is null ? null : $"Prisma recorded migration {Text(failed[0])} as started and not finished (a failed migration)",
            Fix = failed is null ? null : $"`npx prisma migrate resolve --rolled-back {Text(failed[0])}` after undoing it, or `--applied {Text(failed[0])}` after finishing it by hand; then adopt again",
        };
    }

    private static ForeignHistory Sqlx(string table, IReadOnlyList<object?[]> rows)
    {
        var failed = rows.FirstOrDefault(r => !Bool(r[2]));
        return new(ForeignTool.Sqlx, table, rows.Where(r => Bool(r[2])).Select(r => new ForeignEntry(Text(r[0]), At(r[1]), r[3] is null ? null : Text(r[3]))).ToList())
        {
            Unsafe = failed is null ? null : $"sqlx recorded migration {Text(failed[0])} ({Text(failed[4])}) as partially applied (success = false)",
            Fix = failed is null ? null : $"finish or undo what it changed by hand, then delete its row (`DELETE FROM {table} WHERE version = {Text(failed[0])}`, sqlx's own fix) and adopt again",
        };
    }

    /// <summary>A flag as the driver returns it: PostgreSQL's boolean, SQLite's 0/1 integer (the tools' drivers write bool as 1/0).</summary>
    private static bool Bool(object? value) => value switch
    {
        bool b => b,
        long or int or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        string s => s is "1" || s.Equals("t", StringComparison.OrdinalIgnoreCase) || s.Equals("true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>A key or checksum as text; bytes (sqlx's SHA-384 in a BYTEA or BLOB) as lower-case hex.</summary>
    private static string Text(object? value) => value is byte[] bytes ? Convert.ToHexStringLower(bytes) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static DateTimeOffset? At(object? value) => value switch
    {
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : t.Kind)),
        DateTimeOffset t => t,
        // Knex, Drizzle and Prisma write milliseconds since 1970 on SQLite (and Drizzle's created_at on PostgreSQL).
        long millis => DateTimeOffset.FromUnixTimeMilliseconds(millis),
        // SQLite's CURRENT_TIMESTAMP and datetime('now'): "2024-01-01 12:00:00", UTC.
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        _ => null,
    };
}
