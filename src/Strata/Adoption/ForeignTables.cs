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
/// (gorp_migrations.id = file name), EF Core (__EFMigrationsHistory.MigrationId), Sqitch (sqitch.changes).
/// </summary>
internal static class ForeignTables
{
    /// <summary>The tools in the order they are looked for (golang-migrate before dbmate: both use schema_migrations, golang-migrate's has dirty).</summary>
    public static readonly ForeignTool[] Order =
    [
        ForeignTool.Knex, ForeignTool.Drizzle, ForeignTool.NodePgMigrate, ForeignTool.GolangMigrate, ForeignTool.Dbmate, ForeignTool.Goose,
        ForeignTool.Flyway, ForeignTool.Prisma, ForeignTool.Diesel, ForeignTool.SqlMigrate, ForeignTool.EfCore, ForeignTool.Sqitch,
    ];

    /// <summary>The table each tool writes, as shown in messages.</summary>
    public static string Table(ForeignTool tool) => tool switch
    {
        ForeignTool.Knex => "knex_migrations",
        ForeignTool.Drizzle => "drizzle.__drizzle_migrations",
        ForeignTool.NodePgMigrate => "pgmigrations",
        ForeignTool.GolangMigrate or ForeignTool.Dbmate => "schema_migrations",
        ForeignTool.Goose => "goose_db_version",
        ForeignTool.Flyway => "flyway_schema_history",
        ForeignTool.Prisma => "_prisma_migrations",
        ForeignTool.Diesel => "__diesel_schema_migrations",
        ForeignTool.SqlMigrate => "gorp_migrations",
        ForeignTool.EfCore => "\"__EFMigrationsHistory\"",
        _ => "sqitch.changes",
    };

    /// <summary>One query naming which of the tools' tables exist (by <see cref="Table"/>, resolved as the tools resolve them).</summary>
    public static string Probe =>
        "SELECT n FROM unnest(ARRAY[" + string.Join(", ", Order.Select(Table).Distinct().Select(t => "'" + t.Replace("'", "''", StringComparison.Ordinal) + "'"))
        + "]) AS n WHERE to_regclass(n) IS NOT NULL";

    /// <summary>The tool whose history table is called <paramref name="name"/> (Strata's <c>history.table</c> pointed at it), or null.</summary>
    public static ForeignTool? Owner(HistoryTableName name) => Order.Cast<ForeignTool?>().FirstOrDefault(tool =>
    {
        var parts = Table(tool!.Value).Replace("\"", "", StringComparison.Ordinal).Split('.');
        return parts.Length == 1 ? parts[0] == name.Table : parts[1] == name.Table && parts[0] == name.Schema;
    });

    /// <summary>The query that reads the tool's history (null result: not this tool).</summary>
    public static string Query(ForeignTool tool) => tool switch
    {
        ForeignTool.Knex => "SELECT name, migration_time, (SELECT max(is_locked) FROM knex_migrations_lock) FROM knex_migrations ORDER BY id",
        ForeignTool.Drizzle => "SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id",
        ForeignTool.NodePgMigrate => "SELECT name, run_on FROM pgmigrations ORDER BY run_on, id",
        ForeignTool.GolangMigrate => "SELECT version, NULL, dirty FROM schema_migrations",
        ForeignTool.Dbmate => "SELECT version FROM schema_migrations ORDER BY version",
        ForeignTool.Goose => "SELECT version_id, tstamp, is_applied FROM goose_db_version ORDER BY id",
        ForeignTool.Flyway => "SELECT coalesce(version, 'R:' || description), installed_on, success, checksum, type, script FROM flyway_schema_history WHERE type <> 'SCHEMA' ORDER BY installed_rank",
        ForeignTool.Prisma => "SELECT migration_name, finished_at, rolled_back_at, checksum FROM _prisma_migrations ORDER BY started_at, migration_name",
        ForeignTool.Diesel => "SELECT version, run_on FROM __diesel_schema_migrations ORDER BY version",
        ForeignTool.SqlMigrate => "SELECT id, applied_at FROM gorp_migrations ORDER BY id",
        ForeignTool.EfCore => "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"",
        _ => "SELECT change, committed_at FROM sqitch.changes ORDER BY committed_at",
    };

    /// <summary>What the rows of <see cref="Query"/> say.</summary>
    public static ForeignHistory Interpret(ForeignTool tool, IReadOnlyList<object?[]> rows)
    {
        var table = Table(tool);
        return tool switch
        {
            ForeignTool.Knex => Knex(rows),
            ForeignTool.Drizzle => new(tool, table, rows.Select(r => new ForeignEntry(Text(r[1]), At(r[1]), Text(r[0]))).ToList()),
            ForeignTool.GolangMigrate => GolangMigrate(rows),
            ForeignTool.Goose => new(tool, table, rows.GroupBy(r => Text(r[0])).Where(g => g.Key != "0" && g.Last()[2] is true)
                .Select(g => new ForeignEntry(g.Key, At(g.Last()[1]))).OrderBy(e => long.Parse(e.Key, CultureInfo.InvariantCulture)).ToList()),
            ForeignTool.Flyway => Flyway(rows),
            ForeignTool.Prisma => Prisma(rows),
            _ => new(tool, table, rows.Select(r => new ForeignEntry(Text(r[0]), r.Length > 1 ? At(r[1]) : null)).ToList()),
        };
    }

    private static ForeignHistory Knex(IReadOnlyList<object?[]> rows)
    {
        var locked = rows.Count > 0 && Convert.ToInt32(rows[0][2] ?? 0, CultureInfo.InvariantCulture) == 1;
        return new(ForeignTool.Knex, "knex_migrations", rows.Select(r => new ForeignEntry(Text(r[0]), At(r[1]))).ToList())
        {
            Unsafe = locked ? "Knex's lock is held (knex_migrations_lock.is_locked = 1): a Knex migration is running, or one was killed" : null,
            Fix = locked ? "wait for it to finish; when none is running, release the lock with `npx knex migrate:unlock` and adopt again" : null,
        };
    }

    private static ForeignHistory GolangMigrate(IReadOnlyList<object?[]> rows)
    {
        var row = rows.Count > 0 ? rows[0] : null;
        var dirty = row?[2] is true;
        return new(ForeignTool.GolangMigrate, "schema_migrations", row is null ? [] : [new ForeignEntry(Text(row[0]), null)])
        {
            IsWatermark = true,
            Unsafe = dirty ? $"golang-migrate marks version {Text(row![0])} dirty: it failed part-way and the database may hold half of it" : null,
            Fix = dirty ? $"finish or undo that migration by hand, then `migrate force {Text(row![0])}` (or the version before it) and adopt again" : null,
        };
    }

    private static ForeignHistory Flyway(IReadOnlyList<object?[]> rows)
    {
        var failed = rows.FirstOrDefault(r => r[2] is false);
        return new(ForeignTool.Flyway, "flyway_schema_history", rows.Where(r => r[2] is true && Text(r[4]) is not ("UNDO_SQL" or "DELETE"))
            .Select(r => new ForeignEntry(Text(r[0]), At(r[1]), r[3] is null ? null : Text(r[3]))).ToList())
        {
            Unsafe = failed is null ? null : $"Flyway recorded {Text(failed[5])} as failed (success = false)",
            Fix = failed is null ? null : "undo what it changed by hand, then `flyway repair` (removes the failed row) and adopt again",
        };
    }

    private static ForeignHistory Prisma(IReadOnlyList<object?[]> rows)
    {
        var failed = rows.FirstOrDefault(r => r[1] is null && r[2] is null);
        return new(ForeignTool.Prisma, "_prisma_migrations", rows.Where(r => r[1] is not null && r[2] is null)
            .Select(r => new ForeignEntry(Text(r[0]), At(r[1]), r[3] is null ? null : Text(r[3]))).ToList())
        {
            Unsafe = failed is null ? null : $"Prisma recorded migration {Text(failed[0])} as started and not finished (a failed migration)",
            Fix = failed is null ? null : $"`npx prisma migrate resolve --rolled-back {Text(failed[0])}` after undoing it, or `--applied {Text(failed[0])}` after finishing it by hand; then adopt again",
        };
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static DateTimeOffset? At(object? value) => value switch
    {
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, t.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : t.Kind)),
        DateTimeOffset t => t,
        long millis => DateTimeOffset.FromUnixTimeMilliseconds(millis),
        _ => null,
    };
}
