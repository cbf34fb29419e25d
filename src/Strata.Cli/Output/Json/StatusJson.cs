namespace Strata.Cli.Output.Json;

/// <summary><c>strata status --json</c>.</summary>
internal sealed record StatusJson(
    string Database,
    string Environment,
    bool Clean,
    IReadOnlyDictionary<string, int> Summary,
    IReadOnlyList<StatusEntryJson> Migrations,
    IReadOnlyList<string>? InvalidIndexes);
