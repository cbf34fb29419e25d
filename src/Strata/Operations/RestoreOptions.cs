namespace Strata.Operations;

/// <summary>Where <see cref="IDatabaseBackup.RestoreAsync"/> puts a backup.</summary>
public sealed record RestoreOptions
{
    /// <summary>
    /// The new database to restore into (PostgreSQL: a database name on the same server; SQLite: a file path), which must
    /// not exist; null for a name derived from the configured database and the backup's time. Ignored with <see cref="Replace"/>.
    /// </summary>
    public string? Into { get; init; }

    /// <summary>
    /// True to replace the configured database's contents with the backup. PostgreSQL restores into a new database first
    /// and swaps the names only once that worked (no session may be connected to the old one); SQLite copies the backup
    /// over the live file through the online backup API.
    /// </summary>
    public bool Replace { get; init; }

    /// <summary>The time used to name a derived database (UTC); null for now.</summary>
    public DateTimeOffset? Now { get; init; }
}
