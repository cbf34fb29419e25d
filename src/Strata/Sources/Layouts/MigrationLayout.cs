namespace Strata.Sources.Layouts;

/// <summary>
/// How a migrations folder is laid out: Strata's own files, or another tool's, read in place (issue 13). Each
/// layout's reader turns that tool's files into the same <see cref="Migration"/>s; nothing else in Strata knows
/// which tool wrote them. Named in strata.json as <c>"layout"</c> (the lower-case names in the docs).
/// </summary>
public enum MigrationLayout
{
    /// <summary>Strata's own files: <c>001_x.sql</c> with <c>-- strata:down</c>, <c>.up.sql</c>/<c>.down.sql</c>, <c>R__x.sql</c>.</summary>
    Strata,

    /// <summary>golang-migrate: <c>&lt;version&gt;_&lt;name&gt;.up.sql</c> and <c>.down.sql</c>.</summary>
    GolangMigrate,

    /// <summary>dbmate: <c>&lt;version&gt;_&lt;name&gt;.sql</c> with <c>-- migrate:up</c> / <c>-- migrate:down</c> (<c>transaction:false</c>).</summary>
    Dbmate,

    /// <summary>goose: <c>&lt;version&gt;_&lt;name&gt;.sql</c> with <c>-- +goose Up</c> / <c>Down</c> (<c>NO TRANSACTION</c>).</summary>
    Goose,

    /// <summary>node-pg-migrate SQL files: <c>&lt;version&gt;_&lt;name&gt;.sql</c> with <c>-- Up Migration</c> / <c>-- Down Migration</c>.</summary>
    NodePgMigrate,

    /// <summary>Flyway: <c>V&lt;version&gt;__&lt;description&gt;.sql</c>, <c>U…</c> undo scripts, <c>R__…</c> repeatables.</summary>
    Flyway,

    /// <summary>Prisma Migrate: <c>&lt;timestamp&gt;_&lt;name&gt;/migration.sql</c>.</summary>
    Prisma,

    /// <summary>Diesel: <c>&lt;version&gt;_&lt;name&gt;/up.sql</c> and <c>down.sql</c> (<c>metadata.toml</c>: <c>run_in_transaction = false</c>).</summary>
    Diesel,

    /// <summary>Drizzle Kit: <c>&lt;nnnn&gt;_&lt;words&gt;.sql</c> in the order of <c>meta/_journal.json</c>.</summary>
    Drizzle,

    /// <summary>sql-migrate: <c>&lt;number&gt;[_&lt;name&gt;].sql</c> with <c>-- +migrate Up</c> / <c>Down</c> (<c>notransaction</c>), any number of times.</summary>
    SqlMigrate,

    /// <summary>popx (Ory): <c>&lt;version&gt;_&lt;name&gt;[.&lt;dialect&gt;][.autocommit].up.sql</c> and <c>.down.sql</c>.</summary>
    Popx,

    /// <summary>sqlx (Rust): <c>&lt;version&gt;_&lt;description&gt;.sql</c>, or <c>.up.sql</c> and <c>.down.sql</c>; <c>-- no-transaction</c> first.</summary>
    Sqlx,

    /// <summary>
    /// Numbered SQL files that psql (or a project's own small runner) applies in the order of their number:
    /// <c>&lt;number&gt;[&lt;any separator&gt;&lt;name&gt;].sql</c> (<c>0001-init.sql</c>, <c>000001.sql</c>), whole file up, or
    /// <c>.up.sql</c> and <c>.down.sql</c>; ordered by the number's value (<c>0002</c> before <c>00010</c>).
    /// </summary>
    Numbered,
}
