namespace Strata.Cli.Output.Json;

/// <summary>A backup <c>strata backup</c> (or <c>migrate --backup</c>) wrote, with <c>--json</c>.</summary>
/// <param name="File">The backup file, as given to <c>strata restore</c>.</param>
/// <param name="Database">The database backed up, safe to print.</param>
/// <param name="Head">The highest applied version at the time, or null when none.</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="DurationMs">How long the backup took.</param>
/// <param name="Removed">Older backups deleted to keep the configured count.</param>
/// <param name="Restore">The command that restores it over the database.</param>
internal sealed record BackupJson(string File, string Database, long? Head, long Bytes, long DurationMs, IReadOnlyList<string> Removed, string Restore);
