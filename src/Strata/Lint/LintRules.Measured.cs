namespace Strata.Lint;

/// <summary>The rules only <c>strata lint --measure</c> reports: what PostgreSQL really did on a scratch database.</summary>
public static partial class LintRules
{
    /// <summary>Measured (<c>lint --measure</c>): a table or index got a new data file, i.e. was rewritten under lock.</summary>
    public static readonly LintRule MeasuredRewrite = new("measured-rewrite", LintSeverity.Warning,
        "measured by running it, the statement rewrote the table (a new data file for it and its indexes) under an ACCESS EXCLUSIVE lock: every read and write waits for the whole rewrite, which grows with the table",
        "reach the same schema without a rewrite: add a new column, backfill it in batches and switch over instead of changing a type, and add columns with a constant default", Postgres);

    /// <summary>Measured: an ACCESS EXCLUSIVE lock on an existing table, held until the migration commits (no rewrite).</summary>
    public static readonly LintRule MeasuredAccessExclusive = new("measured-access-exclusive", LintSeverity.Note,
        "measured by running it, the statement took an ACCESS EXCLUSIVE lock on an existing table and the migration held it until commit: reads and writes of the table wait, and queue behind the lock while it waits",
        "keep the migration short (no data changes after the DDL) and Strata's lock_timeout on (statementLockTimeout), so a blocked lock fails fast and is retried", Postgres);

    /// <summary>Measured: a SHARE, SHARE ROW EXCLUSIVE or EXCLUSIVE lock on an existing table (writes wait), held until commit.</summary>
    public static readonly LintRule MeasuredBlocksWrites = new("measured-blocks-writes", LintSeverity.Note,
        "measured by running it, the statement took a lock that blocks writes (SHARE, SHARE ROW EXCLUSIVE or EXCLUSIVE) on an existing table, held until the migration commits",
        "build indexes with CREATE INDEX CONCURRENTLY in a -- strata:no-transaction migration, and add foreign keys NOT VALID, validating them in a later migration", Postgres);

    /// <summary>Measured: the schema diff before and after the migration has a destructive change.</summary>
    public static readonly LintRule MeasuredDrop = new("measured-drop", LintSeverity.Warning,
        "measured by running it, the migration removes data or objects (the schema before and after it differ by a destructive change), including what CASCADE took along",
        "make sure no deployed version uses what is dropped (expand/contract), keep a backup, and drop it in a reviewed migration of its own", Postgres);

    /// <summary>Measured: the migration failed on a scratch database holding the schema it will meet.</summary>
    public static readonly LintRule MigrationFailed = new("migration-failed", LintSeverity.Error,
        "the migration fails on a scratch database holding the schema before it, so it will fail on the target too",
        "fix the statement at the reported line (the PostgreSQL message says what is wrong), then run strata lint --measure again", Postgres);
}
