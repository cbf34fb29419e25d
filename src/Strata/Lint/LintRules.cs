namespace Strata.Lint;

/// <summary>Every rule of <c>strata lint</c>. Ids are stable: suppressions, strata.json and SARIF refer to them.</summary>
public static partial class LintRules
{
    /// <summary>The id of the opt-in style pack (<c>"lint": { "style": true }</c> in strata.json).</summary>
    public const string StylePack = "style";

    // Properties, not fields: the rules are spread over several files of this partial class, and C# does not order
    // static field initialisers across files. For the same reason All and Measured are set in the static constructor.
    private static Dialect[] Any => [];

    private static Dialect[] Postgres => [Dialect.PostgreSql];

    private static Dialect[] Sqlite => [Dialect.Sqlite];

    /// <summary><c>DROP TABLE</c> of a table that exists before the migration.</summary>
    public static readonly LintRule DropTable = new("drop-table", LintSeverity.Error,
        "dropping a table deletes its rows and breaks every query and deployed version that still uses it",
        "stop using the table in the application first, deploy, keep a backup, then drop it in a later migration (expand/contract)", Any);

    /// <summary><c>ALTER TABLE … DROP COLUMN</c>.</summary>
    public static readonly LintRule DropColumn = new("drop-column", LintSeverity.Error,
        "dropping a column deletes its data, and application versions still running during the deploy fail when they read or write it",
        "stop reading and writing the column in the application, deploy, then drop it in a later migration (expand/contract)", Any);

    /// <summary><c>DROP SCHEMA</c>.</summary>
    public static readonly LintRule DropSchema = new("drop-schema", LintSeverity.Error,
        "dropping a schema deletes everything in it (with CASCADE, also what depends on it elsewhere)",
        "drop the objects one by one in reviewed migrations, after the application stopped using them", Postgres);

    /// <summary><c>TRUNCATE</c>.</summary>
    public static readonly LintRule Truncate = new("truncate", LintSeverity.Error,
        "TRUNCATE deletes every row and takes an ACCESS EXCLUSIVE lock",
        "delete the rows you mean with a WHERE clause in batches, or move the data away first", Postgres);

    /// <summary><c>ALTER COLUMN … TYPE</c>.</summary>
    public static readonly LintRule AlterColumnType = new("alter-column-type", LintSeverity.Warning,
        "changing a column's type rewrites the table and its indexes under an ACCESS EXCLUSIVE lock for most type changes (not for e.g. varchar(n) to text or a larger varchar)",
        "add a new column of the new type, backfill it in batches, switch the application, then drop the old column", Postgres);

    /// <summary><c>ALTER COLUMN … SET NOT NULL</c> on an existing table.</summary>
    public static readonly LintRule SetNotNull = new("set-not-null", LintSeverity.Warning,
        "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock",
        "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a later migration, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the check", Postgres);

    /// <summary><c>ADD COLUMN … NOT NULL</c> without a default on an existing table.</summary>
    public static readonly LintRule AddNotNullColumn = new("add-not-null-column", LintSeverity.Error,
        "adding a NOT NULL column without a default fails on any table that has rows",
        "add the column with a constant DEFAULT, or add it nullable, backfill, then make it NOT NULL", Any);

    /// <summary>A column the previous release does not write becomes NOT NULL without a default.</summary>
    public static readonly LintRule NewRequiredColumn = new("new-required-column", LintSeverity.Warning,
        "the column is new in this release and becomes NOT NULL without a default: the previous application version, still running during the deploy, does not write it, so its inserts fail",
        "give the column a DEFAULT (a constant adds no rewrite), or make it NOT NULL in a later release, once no running version inserts without it", Any);

    /// <summary><c>CREATE INDEX</c> without <c>CONCURRENTLY</c> on an existing table.</summary>
    public static readonly LintRule CreateIndexNonConcurrently = new("create-index-non-concurrently", LintSeverity.Warning,
        "CREATE INDEX blocks every write to the table until the index is built",
        "CREATE INDEX CONCURRENTLY in a migration with -- strata:no-transaction", Postgres);

    /// <summary><c>DROP INDEX</c> without <c>CONCURRENTLY</c>.</summary>
    public static readonly LintRule DropIndexNonConcurrently = new("drop-index-non-concurrently", LintSeverity.Warning,
        "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table, queueing every query behind it",
        "DROP INDEX CONCURRENTLY in a migration with -- strata:no-transaction", Postgres);

    /// <summary><c>ADD FOREIGN KEY</c> without <c>NOT VALID</c> on an existing table.</summary>
    public static readonly LintRule ForeignKeyWithoutNotValid = new("foreign-key-not-valid", LintSeverity.Warning,
        "adding a foreign key checks every row while blocking writes to both tables",
        "ADD CONSTRAINT … FOREIGN KEY … NOT VALID, then VALIDATE CONSTRAINT in a later migration (it takes a weaker lock)", Postgres);

    /// <summary><c>ADD CHECK</c> without <c>NOT VALID</c> on an existing table.</summary>
    public static readonly LintRule CheckWithoutNotValid = new("check-not-valid", LintSeverity.Warning,
        "adding a CHECK constraint scans the whole table under an ACCESS EXCLUSIVE lock",
        "ADD CONSTRAINT … CHECK (…) NOT VALID, then VALIDATE CONSTRAINT in a later migration", Postgres);

    /// <summary><c>ADD PRIMARY KEY</c> / <c>ADD UNIQUE</c> without <c>USING INDEX</c> on an existing table.</summary>
    public static readonly LintRule UniqueWithoutIndex = new("unique-without-index", LintSeverity.Warning,
        "adding a primary key or unique constraint builds its index while blocking reads and writes",
        "CREATE UNIQUE INDEX CONCURRENTLY first (no-transaction migration), then ADD CONSTRAINT … USING INDEX", Postgres);

    /// <summary>A volatile default on a new column of an existing table.</summary>
    public static readonly LintRule VolatileDefault = new("volatile-default", LintSeverity.Warning,
        "a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval(), a function these migrations create without IMMUTABLE or STABLE), a serial, identity or stored generated column rewrites the whole table under an ACCESS EXCLUSIVE lock",
        "add the column without a default (or with a constant one), backfill in batches, then set the default", Postgres);

    /// <summary><c>RENAME</c> of a table or column.</summary>
    public static readonly LintRule Rename = new("rename", LintSeverity.Warning,
        "renaming breaks every application version still running with the old name during the deploy",
        "expand/contract: add the new table or column, write to both, backfill, switch reads, then drop the old one (or use a view for a table)", Any);

    /// <summary><c>CONCURRENTLY</c> in a transactional migration.</summary>
    public static readonly LintRule ConcurrentlyInTransaction = new("concurrently-in-transaction", LintSeverity.Error,
        "CREATE/DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY cannot run inside a transaction; the migration fails",
        "put the statement in its own migration whose first line is -- strata:no-transaction", Postgres);

    /// <summary>Schema changes and data changes in one migration.</summary>
    public static readonly LintRule MixedSchemaAndData = new("mixed-schema-and-data", LintSeverity.Warning,
        "a data change after a schema change that locked an existing table runs while that lock is held (until the migration commits): every query on the locked table waits for the data change too, and the backfill cannot be re-run on its own",
        "move the backfill to its own migration (batched, idempotent); seed rows for a table created in the same migration are fine", Any);

    /// <summary><c>UPDATE</c> or <c>DELETE</c> without <c>WHERE</c>.</summary>
    public static readonly LintRule UpdateWithoutWhere = new("update-without-where", LintSeverity.Warning,
        "UPDATE or DELETE without WHERE touches every row in one transaction: long locks, bloat, and a rerun is not idempotent",
        "add a WHERE clause that selects only rows still to change (idempotent), and batch large backfills", Any);

    /// <summary>An ACCESS EXCLUSIVE statement with no lock_timeout in force.</summary>
    public static readonly LintRule MissingLockTimeout = new("missing-lock-timeout", LintSeverity.Warning,
        "a statement waiting for an ACCESS EXCLUSIVE lock blocks every query that arrives after it, for as long as it waits",
        "keep Strata's statement lock timeout on (statementLockTimeout in strata.json, default 5 s) or SET lock_timeout in the migration", Postgres);

    /// <summary>A versioned migration without a down script.</summary>
    public static readonly LintRule MissingDown = new("missing-down", LintSeverity.Warning,
        "without a down script, rollback refuses to revert this migration",
        "add a -- strata:down section (or a .down.sql file) that undoes the up script; strata verify proves it", Any);

    /// <summary>A <c>-- strata:env</c> name that strata.json's <c>environments</c> does not declare.</summary>
    public static readonly LintRule UnknownEnvironment = new("unknown-environment", LintSeverity.Error,
        "a migration gated on an environment nobody declared (a typo such as developmnet) is skipped everywhere, silently",
        "use a name declared under \"environments\" in strata.json, or declare the new environment there", Any);

    /// <summary>A file whose name, encoding or place in the order is wrong.</summary>
    public static readonly LintRule FileName = new("file-name", LintSeverity.Error,
        "a file that is misnamed, duplicated, unreadable or holds what Strata cannot run (a psql meta-command, an empty script) is not run, or runs in the wrong order",
        "do what the message says; a misnamed file: rename it to <version>_<slug>.sql (or R__<slug>.sql), as strata new names them", Any);

    /// <summary>A pending migration older than the newest applied one.</summary>
    public static readonly LintRule OutOfOrder = new("out-of-order", LintSeverity.Error,
        "a pending migration older than the newest applied one was probably merged late; migrate refuses it",
        "give it a new version (strata new, then move the SQL), or run migrate --allow-out-of-order after review", Any);

    /// <summary>Timestamp versions of different widths in one folder (issue 12 item 20).</summary>
    public static readonly LintRule MixedVersionWidths = new("mixed-version-widths", LintSeverity.Warning,
        "versions compare as numbers, so a 14-digit timestamp sorts before every 17-digit one (and a 17-digit one after every 14-digit one), whatever their dates",
        "give every timestamp version the same number of digits (strata new follows the folder's width)", Any);

    /// <summary>A file that controls its own transactions, so it runs as written (issue 13).</summary>
    public static readonly LintRule OwnTransactions = new("own-transactions", LintSeverity.Note,
        "the file controls its transactions (COMMIT mid-file, several transactions, ROLLBACK), so Strata runs it as written, statement by statement: a failure leaves the statements before it applied and the migration recorded as started",
        "drop the transaction statements (an outer BEGIN; … COMMIT; alone is fine) so it commits atomically with its history row, or split it into migrations of one transaction each", Any);

    /// <summary>An applied migration whose file was edited.</summary>
    public static readonly LintRule EditedApplied = new("edited-applied", LintSeverity.Error,
        "the file of an applied migration changed, so databases migrated before and after the edit differ",
        "revert the edit and put the change in a new migration; run strata repair only if the edit is cosmetic", Any);

    /// <summary>An <c>ALTER TABLE</c> form SQLite does not support.</summary>
    public static readonly LintRule SqliteAlterUnsupported = new("sqlite-alter-unsupported", LintSeverity.Error,
        "SQLite's ALTER TABLE can only rename, add or drop a column; anything else fails",
        "rebuild the table: CREATE TABLE new_t (…), INSERT INTO new_t SELECT … FROM t, DROP TABLE t, ALTER TABLE new_t RENAME TO t, recreate indexes and triggers (https://sqlite.org/lang_altertable.html#otheralter)", Sqlite);

    /// <summary><c>ADD COLUMN</c> forms SQLite refuses.</summary>
    public static readonly LintRule SqliteAddColumn = new("sqlite-add-column", LintSeverity.Error,
        "SQLite cannot add a PRIMARY KEY or UNIQUE column, nor a column whose default is not constant (CURRENT_TIMESTAMP, an expression)",
        "add a plain column and a separate CREATE UNIQUE INDEX, or rebuild the table", Sqlite);

    static LintRules()
    {
        All =
        [
            DropTable, DropColumn, DropSchema, Truncate, AlterColumnType, SetNotNull, AddNotNullColumn, NewRequiredColumn,
            CreateIndexNonConcurrently, DropIndexNonConcurrently, ForeignKeyWithoutNotValid, CheckWithoutNotValid, ValidateInSameTransaction,
            UniqueWithoutIndex, ExclusionConstraint, VolatileDefault, SetLogged, Rename, ConcurrentlyInTransaction,
            ConcurrentIndexNotRerunnable, ReindexNonConcurrently, Cluster, VacuumFull, VacuumInTransaction, LockTable,
            RefreshMaterializedView, IdentifierTooLong, MixedSchemaAndData, UpdateWithoutWhere, MissingLockTimeout,
            MissingDown, UnknownEnvironment, FileName, OutOfOrder, MixedVersionWidths, OwnTransactions, EditedApplied, SqliteAlterUnsupported, SqliteAddColumn,
            PreferText, PreferBigint, PreferTimestamptz, PreferIdentity, NoChar, EnumValueInserted,
            MeasuredRewrite, MeasuredAccessExclusive, MeasuredBlocksWrites, MeasuredDrop, MigrationFailed,
        ];
        Measured = [MeasuredRewrite, MeasuredAccessExclusive, MeasuredBlocksWrites, MeasuredDrop, MigrationFailed];
    }

    /// <summary>Every rule, in the order the documentation lists them.</summary>
    public static IReadOnlyList<LintRule> All { get; }

    /// <summary>The rules only <c>strata lint --measure</c> reports (the static linter never fires them).</summary>
    public static IReadOnlyList<LintRule> Measured { get; }

    /// <summary>The rule with <paramref name="id"/> (case-insensitive), or null.</summary>
    public static LintRule? Find(string id) => All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
}
