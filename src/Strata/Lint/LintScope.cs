namespace Strata.Lint;

/// <summary>
/// What the rules know while reading one file of a lint run: the dialect, whether the migration is transactional,
/// what the folder's migrations created (<see cref="FolderObjects"/>: changing a table created in the release is
/// safe, it is new and empty), the file's temporary objects, and the hits so far.
/// </summary>
internal sealed class LintScope
{
    public LintScope(Dialect dialect, bool transactional, bool engineLockTimeout, FolderObjects folder)
    {
        Dialect = dialect;
        Transactional = transactional;
        EngineLockTimeout = engineLockTimeout;
        Folder = folder;
    }

    public Dialect Dialect { get; }

    public bool Transactional { get; }

    /// <summary>True when the file runs its own <c>BEGIN</c>/<c>COMMIT</c> (as written, no transaction or timeouts of Strata's).</summary>
    public bool OwnTransactions { get; init; }

    /// <summary>True when Strata itself sets lock_timeout on this migration's statements (transactional, option on).</summary>
    public bool EngineLockTimeout { get; }

    /// <summary>What the folder's migrations created so far.</summary>
    public FolderObjects Folder { get; }

    /// <summary>Tables created earlier in the release (lower-case unless quoted).</summary>
    public HashSet<string> NewTables => Folder.NewTables;

    /// <summary>Indexes created earlier in the release.</summary>
    public HashSet<string> NewIndexes => Folder.NewIndexes;

    /// <summary>Temporary tables this file created: they vanish with its session, and no one else sees them.</summary>
    public HashSet<string> TempTables { get; } = new(StringComparer.Ordinal);

    /// <summary>Constraints this file added NOT VALID (validating them in the same transaction gains nothing).</summary>
    public HashSet<string> NotValidConstraints { get; } = new(StringComparer.Ordinal);

    /// <summary>Indexes this file dropped with IF EXISTS (a CREATE INDEX CONCURRENTLY after it can be re-run).</summary>
    public HashSet<string> DroppedIfExists { get; } = new(StringComparer.Ordinal);

    /// <summary>True once the file ran <c>SET lock_timeout</c>.</summary>
    public bool FileSetsLockTimeout { get; set; }

    /// <summary>
    /// The file's first statement that locks an existing table (or index or view) until commit, if any: a data change
    /// after it runs under that lock. Temporary and new objects, and functions, do not count.
    /// </summary>
    public StatementView? FirstLock { get; private set; }

    /// <summary>Data changes of the file on existing tables, after <see cref="FirstLock"/>.</summary>
    public List<StatementView> DataChanges { get; } = [];

    /// <summary>Existing tables dropped earlier in this file.</summary>
    public HashSet<string> DroppedTables { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Tables rebuilt in this file: dropped, then replaced by a table created in the same file and renamed to the old
    /// name (SQLite's table-rebuild procedure, as <c>strata generate</c> writes it). Their drop loses nothing.
    /// </summary>
    public HashSet<string> RebuiltTables { get; } = new(StringComparer.Ordinal);

    /// <summary>What fired on the current statement.</summary>
    public List<(LintRule Rule, string Message)> Hits { get; } = [];

    public bool IsPostgres => Dialect == Dialect.PostgreSql;

    /// <summary>True for a table that existed before the release (and so has rows and users); false for new and temporary ones.</summary>
    public bool Exists(string table) => !NewTables.Contains(table) && !TempTables.Contains(table);

    public void Hit(LintRule rule, string message) => Hits.Add((rule, message));

    /// <summary>
    /// Notes a statement that locks an existing object until commit, for <c>mixed-schema-and-data</c> (in a
    /// no-transaction migration each statement commits and releases its locks on its own).
    /// </summary>
    public void LocksExisting(StatementView s)
    {
        if (Transactional)
        {
            FirstLock ??= s;
        }
    }

    /// <summary>Fires <see cref="LintRules.MissingLockTimeout"/> for an ACCESS EXCLUSIVE statement on an existing table.</summary>
    public void AccessExclusive(string what) => StrongLock(what, "an ACCESS EXCLUSIVE lock");

    /// <summary>Fires <see cref="LintRules.MissingLockTimeout"/> for a statement waiting for <paramref name="lockName"/> with nothing bounding the wait.</summary>
    public void StrongLock(string what, string lockName)
    {
        if (IsPostgres && !EngineLockTimeout && !FileSetsLockTimeout)
        {
            Hit(LintRules.MissingLockTimeout, $"{what} takes {lockName} with no lock_timeout in force"
                + (OwnTransactions ? " (the file runs its own transactions, so Strata sets no lock_timeout)"
                    : Transactional ? " (statementLockTimeout is off)"
                    : " (Strata sets no lock_timeout in a no-transaction migration)"));
        }
    }
}
