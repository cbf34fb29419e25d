namespace Strata.LintCompare;

/// <summary>How a project keeps its migrations; each becomes Strata files holding the up script only.</summary>
internal enum Layout
{
    /// <summary>golang-migrate, dbmate-less plain pairs: <c>&lt;version&gt;_&lt;name&gt;.up.sql</c> (and <c>.down.sql</c>).</summary>
    UpDownFiles,

    /// <summary>Diesel: <c>&lt;timestamp&gt;_&lt;name&gt;/up.sql</c>, <c>metadata.toml</c> may say <c>run_in_transaction = false</c>.</summary>
    Diesel,

    /// <summary>Prisma Migrate: <c>&lt;timestamp&gt;_&lt;name&gt;/migration.sql</c>.</summary>
    Prisma,

    /// <summary>goose: one file with <c>-- +goose Up</c> and <c>-- +goose Down</c>; <c>-- +goose NO TRANSACTION</c>.</summary>
    Goose,

    /// <summary>sql-migrate: <c>-- +migrate Up [notransaction]</c> and <c>-- +migrate Down</c>.</summary>
    SqlMigrate,

    /// <summary>dbmate: <c>-- migrate:up [transaction:false]</c> and <c>-- migrate:down</c>.</summary>
    Dbmate,

    /// <summary>popx (Ory): <c>&lt;ts&gt;_&lt;name&gt;[.&lt;dialect&gt;][.autocommit].up.sql</c>; the postgres and dialect-free files.</summary>
    Popx,

    /// <summary>One file per migration, all of it the up script (Strata, Flyway, numbered SQL).</summary>
    Plain,
}
