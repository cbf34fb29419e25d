namespace Strata.Cli.Output.Json;

/// <summary>migrate, rollback and redo with <c>--json</c> (also their <c>--dry-run</c>).</summary>
internal sealed record RunJson(string Command, string Database, string Environment, bool DryRun, int Batch, long DurationMs, IReadOnlyList<StepJson> Steps);
