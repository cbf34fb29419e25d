namespace Strata.Cli.Output.Json;

/// <summary>One step of a run; <see cref="Sql"/> is set for dry runs.</summary>
internal sealed record StepJson(long? Version, string Name, string Direction, string Outcome, long? DurationMs, string? Sql);
