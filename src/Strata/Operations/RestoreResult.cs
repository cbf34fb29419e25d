namespace Strata.Operations;

/// <summary>What <see cref="IDatabaseBackup.RestoreAsync"/> did.</summary>
/// <param name="Database">Where the backup now lives, safe to print: <c>postgres://user@host:5432/shop_restored_…</c> or <c>sqlite:path</c>.</param>
/// <param name="Url">A database URL (without password) that <c>--database</c> or <c>DATABASE_URL</c> accepts for the restored database.</param>
/// <param name="Replaced">True when the configured database was replaced; false when a new database was made.</param>
public sealed record RestoreResult(string Database, string Url, bool Replaced);
