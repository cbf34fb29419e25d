using Strata.Errors;
using Strata.Execution;
using Strata.History;

namespace Strata.Tests.Engine;

/// <summary>
/// A dialect with no database behind it (golang-migrate's stub driver): the history is a list in memory, every call the
/// engine makes is written to <see cref="Calls"/>, and failures are planted per migration. A transactional script and
/// its history change happen together or not at all, as on a real database; the preconditions of history changes
/// hold as the dialect contract says (an existing row is not inserted twice, a missing one not deleted).
/// </summary>
internal sealed class RecordingDialect : IDialect
{
    private readonly Dictionary<string, Queue<Exception>> _failures = new(StringComparer.Ordinal);

    public string DisplayName => "recording:memory";

    public Dialect Dialect => Dialect.PostgreSql;

    /// <summary>The history rows, in the order they were written.</summary>
    public List<AppliedMigration> Rows { get; } = [];

    /// <summary>Every audited history change, as "action version-or-name".</summary>
    public List<string> Audit { get; } = [];

    /// <summary>Every call the engine made, in order: open, lock, read, run, history, inspect, unlock, close.</summary>
    public List<string> Calls { get; } = [];

    /// <summary>The scripts that took effect (committed), as "migration: sql".</summary>
    public List<string> Committed { get; } = [];

    /// <summary>Indexes the inspector reports as invalid.</summary>
    public List<string> InvalidIndexes { get; } = [];

    /// <summary>False until something creates the database (as an SQLite file that is not there yet).</summary>
    public bool Exists { get; set; } = true;

    /// <summary>Another runner holds the lock: it is reported once, then the lock is granted (or, with no wait allowed, times out).</summary>
    public LockHolder? LockHeldBy { get; set; }

    /// <summary>
    /// When set, history reads return these rows instead of <see cref="Rows"/>: a runner that read the history before
    /// another runner changed it.
    /// </summary>
    public IReadOnlyList<AppliedMigration>? StaleHistory { get; set; }

    /// <summary>Runs right after the lock is granted: what another runner did before it let go.</summary>
    public Action<RecordingDialect>? WhileWaitingForLock { get; set; }

    /// <summary>The calls of one kind (the text before the first ':').</summary>
    public IEnumerable<string> CallsOf(string kind) => Calls.Where(c => c.StartsWith(kind + ":", StringComparison.Ordinal) || c == kind);

    /// <summary>Makes the next run of <paramref name="migration"/> (its display name, "(down)" for down steps) throw each error in turn.</summary>
    public RecordingDialect Fail(string migration, params Exception[] errors)
    {
        if (!_failures.TryGetValue(migration, out var queue))
        {
            _failures[migration] = queue = new Queue<Exception>();
        }

        foreach (var e in errors)
        {
            queue.Enqueue(e);
        }

        return this;
    }

    /// <summary>A server error as a dialect reports it: SQLSTATE, file position, "nothing remains".</summary>
    public static MigrationFailedException ServerError(string migration, string sqlState, string message = "canceling statement due to lock timeout") =>
        new(migration, new SourceLocation($"migrations/{migration}.sql", 1, 1, "SELECT 1;"), sqlState, message, $"nothing of {migration} was applied");

    public Task<IDatabaseSession> OpenAsync(SessionOptions options, CancellationToken cancellationToken)
    {
        Calls.Add($"open:{options.IfMissing}");
        if (!Exists)
        {
            switch (options.IfMissing)
            {
                case MissingDatabase.Refuse:
                    throw new DatabaseUnavailableException("database not found: recording:memory", "create it first");
                case MissingDatabase.Create:
                    Exists = true;
                    break;
            }
        }

        return Task.FromResult<IDatabaseSession>(new RecordingSession(this, options));
    }

    internal Exception? NextFailure(string migration) =>
        _failures.TryGetValue(migration, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
}
