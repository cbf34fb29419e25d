namespace Strata.Adoption;

/// <summary>One row of the other tool's history and what Strata records for it.</summary>
/// <param name="Key">What the tool recorded (version, file name, hash).</param>
/// <param name="Migration">The migration it maps to (<c>20240101120000_create_users</c>), or null when none does.</param>
/// <param name="Note">What was checked: <c>checksum matches</c>, <c>checksum differs</c>, <c>no checksum to compare</c>, <c>no file</c>.</param>
public sealed record AdoptedEntry(string Key, string? Migration, string Note);
