namespace Strata.Cli.Output.Json;

/// <summary><c>strata status --json</c>.</summary>
internal sealed record StatusJson(
    string Database,
    string Environment,
    bool Clean,
    IReadOnlyDictionary<string, int> Summary,
    IReadOnlyList<StatusEntryJson> Migrations,
    IReadOnlyList<string>? InvalidIndexes)
{
    /// <summary>False when <see cref="Environment"/> is a default: then <c>-- strata:env</c> migrations are skipped.</summary>
    public bool EnvironmentSet { get; init; }
}
