namespace Strata.Operations;

/// <summary>A backup <see cref="BackupFolder.CreateAsync"/> wrote.</summary>
/// <param name="Path">The backup file, absolute.</param>
/// <param name="Name">Its parsed name: database, time, head version.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Elapsed">How long the backup took.</param>
/// <param name="Removed">Older backups of the same database deleted to keep <see cref="BackupFolder.Keep"/> (absolute paths).</param>
public sealed record BackupResult(string Path, BackupFileName Name, long Bytes, TimeSpan Elapsed, IReadOnlyList<string> Removed);
