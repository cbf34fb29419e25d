namespace Strata.Adoption;

/// <summary>Another migration tool whose history table <c>strata adopt</c> reads (docs/switching.md).</summary>
public enum ForeignTool
{
    /// <summary>Knex: <c>knex_migrations</c> (file names) and its lock table <c>knex_migrations_lock</c>.</summary>
    Knex,

    /// <summary>Drizzle Kit: <c>drizzle.__drizzle_migrations</c> (SHA-256 of each file, <c>created_at</c> a watermark on the journal's <c>when</c>).</summary>
    Drizzle,

    /// <summary>node-pg-migrate: <c>pgmigrations</c> (file names without extension).</summary>
    NodePgMigrate,

    /// <summary>golang-migrate: <c>schema_migrations</c> with one row, the newest version, and a <c>dirty</c> flag.</summary>
    GolangMigrate,

    /// <summary>dbmate: <c>schema_migrations</c>, one row per applied version (text).</summary>
    Dbmate,

    /// <summary>goose: <c>goose_db_version</c>, the newest row per version says applied or not.</summary>
    Goose,

    /// <summary>Flyway: <c>flyway_schema_history</c> (<c>success = false</c> is a failed migration).</summary>
    Flyway,

    /// <summary>Prisma Migrate: <c>_prisma_migrations</c> (SHA-256 of each migration.sql; unfinished rows are failures).</summary>
    Prisma,

    /// <summary>Diesel: <c>__diesel_schema_migrations</c>, one row per applied version.</summary>
    Diesel,

    /// <summary>sql-migrate: <c>gorp_migrations</c>, one row per applied file name.</summary>
    SqlMigrate,

    /// <summary>Entity Framework Core: <c>__EFMigrationsHistory</c> (C# migrations: adopted as a baseline).</summary>
    EfCore,

    /// <summary>Sqitch: <c>sqitch.changes</c> (adopted as a baseline at the newest change).</summary>
    Sqitch,

    /// <summary>sqlx: <c>_sqlx_migrations</c>, one row per version with the SHA-384 of its file (<c>success = false</c> is a partially applied migration).</summary>
    Sqlx,
}
