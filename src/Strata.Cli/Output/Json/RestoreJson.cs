namespace Strata.Cli.Output.Json;

/// <summary><c>strata restore</c> with <c>--json</c>.</summary>
/// <param name="File">The backup restored.</param>
/// <param name="Database">Where it now lives, safe to print.</param>
/// <param name="Replaced">True when the configured database was replaced; false for a new database.</param>
/// <param name="DurationMs">How long the restore took.</param>
internal sealed record RestoreJson(string File, string Database, bool Replaced, long DurationMs);
