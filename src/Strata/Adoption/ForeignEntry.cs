namespace Strata.Adoption;

/// <summary>One migration the other tool's history records as applied.</summary>
/// <param name="Key">What the tool records: a version (<c>20240101120000</c>), a file name (<c>20240101_x.js</c>), a hash (Drizzle).</param>
/// <param name="AppliedAt">When the tool applied it, when it says.</param>
/// <param name="Checksum">The tool's checksum of the file, when it keeps one (Prisma and Drizzle: SHA-256 hex; Flyway: CRC32).</param>
public sealed record ForeignEntry(string Key, DateTimeOffset? AppliedAt, string? Checksum = null);
