namespace Strata.Lint;

/// <summary>The rules about statements that scan, rebuild or lock a table beyond the basic DDL ones, and names PostgreSQL truncates.</summary>
public static partial class LintRules
{
    /// <summary><c>VALIDATE CONSTRAINT</c> in the same transaction as the <c>NOT VALID</c> add.</summary>
    public static readonly LintRule ValidateInSameTransaction = new("validate-in-same-transaction", LintSeverity.Warning,
        "VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID scans the whole table while the add's lock (ACCESS EXCLUSIVE for a CHECK, SHARE ROW EXCLUSIVE on both tables for a foreign key) is still held: NOT VALID gains nothing",
        "validate in a later migration: its own transaction takes only SHARE UPDATE EXCLUSIVE, which lets reads and writes go on during the scan", Postgres);

    /// <summary><c>ADD EXCLUDE</c> on an existing table.</summary>
    public static readonly LintRule ExclusionConstraint = new("exclusion-constraint", LintSeverity.Warning,
        "adding an EXCLUDE constraint to an existing table builds its index and checks every row under an ACCESS EXCLUSIVE lock; unlike UNIQUE there is no USING INDEX form to build it first",
        "create the constraint with the table, or add it to a new table and move the rows over in batches; on a small table, accept the lock with a short lock_timeout", Postgres);

    /// <summary><c>SET LOGGED</c> / <c>SET UNLOGGED</c>.</summary>
    public static readonly LintRule SetLogged = new("set-logged", LintSeverity.Warning,
        "ALTER TABLE … SET LOGGED or SET UNLOGGED rewrites the whole table (and its indexes) under an ACCESS EXCLUSIVE lock",
        "create the table LOGGED from the start; to switch a large table, copy it into a new table in batches and swap names", Postgres);

    /// <summary>A no-transaction <c>CREATE INDEX CONCURRENTLY</c> that cannot be run again after a failure.</summary>
    public static readonly LintRule ConcurrentIndexNotRerunnable = new("concurrent-index-not-rerunnable", LintSeverity.Warning,
        "a failed CREATE INDEX CONCURRENTLY leaves an INVALID index of that name behind, so running the migration again fails with 'already exists'",
        "put DROP INDEX CONCURRENTLY IF EXISTS <name> before it (it also removes the INVALID index a failed run left), or at least write IF NOT EXISTS", Postgres);

    /// <summary><c>REINDEX</c> without <c>CONCURRENTLY</c>.</summary>
    public static readonly LintRule ReindexNonConcurrently = new("reindex-non-concurrently", LintSeverity.Warning,
        "REINDEX without CONCURRENTLY blocks writes to the table and takes an ACCESS EXCLUSIVE lock on each index it rebuilds, so queries using them wait too",
        "REINDEX … CONCURRENTLY (PostgreSQL 12+) in a migration with -- strata:no-transaction", Postgres);

    /// <summary><c>CLUSTER</c>.</summary>
    public static readonly LintRule Cluster = new("cluster", LintSeverity.Warning,
        "CLUSTER rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock: no reads or writes until it ends",
        "run it in a maintenance window outside the migrations, or use pg_repack, which reorders the table without the long lock", Postgres);

    /// <summary><c>VACUUM FULL</c>.</summary>
    public static readonly LintRule VacuumFull = new("vacuum-full", LintSeverity.Warning,
        "VACUUM FULL rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock: no reads or writes until it ends",
        "plain VACUUM (no lock on reads and writes) is usually enough; to give space back, use pg_repack outside the migrations", Postgres);

    /// <summary><c>VACUUM</c> in a transactional migration.</summary>
    public static readonly LintRule VacuumInTransaction = new("vacuum-in-transaction", LintSeverity.Error,
        "VACUUM cannot run inside a transaction block, so the migration fails",
        "put VACUUM in its own migration whose first line is -- strata:no-transaction, or leave it to autovacuum", Postgres);

    /// <summary><c>LOCK TABLE</c>.</summary>
    public static readonly LintRule LockTable = new("lock-table", LintSeverity.Warning,
        "LOCK TABLE takes ACCESS EXCLUSIVE unless a weaker mode is named, and holds it until the migration commits: every query on the table waits behind it",
        "take the weakest mode the migration needs (e.g. IN SHARE MODE blocks only writes) and keep the rest of the migration short", Postgres);

    /// <summary><c>REFRESH MATERIALIZED VIEW</c> without <c>CONCURRENTLY</c>.</summary>
    public static readonly LintRule RefreshMaterializedView = new("refresh-materialized-view", LintSeverity.Warning,
        "REFRESH MATERIALIZED VIEW without CONCURRENTLY holds an ACCESS EXCLUSIVE lock on the view while its query runs: every read of the view waits",
        "REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view) in a migration with -- strata:no-transaction, or refresh outside the migrations", Postgres);

    /// <summary>A name longer than PostgreSQL's 63 bytes.</summary>
    public static readonly LintRule IdentifierTooLong = new("identifier-too-long", LintSeverity.Warning,
        "PostgreSQL silently truncates names longer than 63 bytes: two long names can collide, and code or later migrations that use the full name find nothing",
        "choose a name of at most 63 bytes", Postgres);
}
