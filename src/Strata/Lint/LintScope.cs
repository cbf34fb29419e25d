using Strata.Sql;

namespace Strata.Lint;

/// <summary>
/// What the rules know while reading one file of a lint run: the flavor, whether the migration is transactional,
/// the objects created earlier in the run (changing a table created in the same deploy is safe: it is new and
/// empty), and the hits so far.
/// </summary>
internal sealed class LintScope
{
    public LintScope(SqlFlavor flavor, bool transactional, bool engineLockTimeout, HashSet<string> newTables, HashSet<string> newIndexes)
    {
        Flavor = flavor;
        Transactional = transactional;
        EngineLockTimeout = engineLockTimeout;
        NewTables = newTables;
        NewIndexes = newIndexes;
    }

    public SqlFlavor Flavor { get; }

    public bool Transactional { get; }

    /// <summary>True when Strata itself sets lock_timeout on this migration's statements (transactional, option on).</summary>
    public bool EngineLockTimeout { get; }

    /// <summary>Tables created earlier in this run (lower-case unless quoted).</summary>
    public HashSet<string> NewTables { get; }

    /// <summary>Indexes created earlier in this run.</summary>
    public HashSet<string> NewIndexes { get; }

    /// <summary>True once the file ran <c>SET lock_timeout</c>.</summary>
    public bool FileSetsLockTimeout { get; set; }

    /// <summary>The first schema change of the file, if any.</summary>
    public StatementView? FirstDdl { get; set; }

    /// <summary>Data changes of the file on tables that existed before it.</summary>
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

    public bool IsPostgres => Flavor == SqlFlavor.PostgreSql;

    public bool Exists(string table) => !NewTables.Contains(table);

    public void Hit(LintRule rule, string message) => Hits.Add((rule, message));

    /// <summary>Fires <see cref="LintRules.MissingLockTimeout"/> for an ACCESS EXCLUSIVE statement on an existing table.</summary>
    public void AccessExclusive(string what)
    {
        if (IsPostgres && !EngineLockTimeout && !FileSetsLockTimeout)
        {
            Hit(LintRules.MissingLockTimeout, $"{what} takes an ACCESS EXCLUSIVE lock with no lock_timeout in force"
                + (Transactional ? " (statementLockTimeout is off)" : " (Strata sets no lock_timeout in a no-transaction migration)"));
        }
    }
}
