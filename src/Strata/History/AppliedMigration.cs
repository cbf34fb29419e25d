namespace Strata.History;

/// <summary>One row of the history table.</summary>
public sealed record AppliedMigration
{
    /// <summary>The version; null for repeatable migrations.</summary>
    public required long? Version { get; init; }

    /// <summary>The slug (<c>initial_schema</c>) or the repeatable's name.</summary>
    public required string Name { get; init; }

    /// <summary>How the row came to be.</summary>
    public required HistoryKind Kind { get; init; }

    /// <summary>Checksum of the file when it was applied; null for baseline rows.</summary>
    public string? Checksum { get; init; }

    /// <summary>The run (<c>strata migrate</c> invocation) that applied it; rollback reverts the newest batch.</summary>
    public required int Batch { get; init; }

    /// <summary>When it was applied (UTC).</summary>
    public required DateTimeOffset AppliedAt { get; init; }

    /// <summary>How long the script ran, in milliseconds.</summary>
    public long ExecutionMs { get; init; }

    /// <summary>The database user (PostgreSQL) or operating-system user (SQLite) that applied it.</summary>
    public required string AppliedBy { get; init; }

    /// <summary>Finished, or started and not finished.</summary>
    public MigrationState State { get; init; } = MigrationState.Succeeded;
}
