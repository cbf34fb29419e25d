namespace Strata.Cli.Output.Json;

/// <summary>One history change made by baseline, mark-applied, mark-rolled-back or repair.</summary>
internal sealed record EditJson(string Migration, string Action, string Detail);
