namespace Strata.Cli.Output.Json;

/// <summary>One migration in <c>status --json</c>.</summary>
internal sealed record StatusEntryJson(
    long? Version,
    string Name,
    string Kind,
    string Status,
    string? File,
    DateTimeOffset? AppliedAt,
    int? Batch,
    string? Checksum,
    string? Detail);
