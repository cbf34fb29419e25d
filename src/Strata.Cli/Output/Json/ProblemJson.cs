namespace Strata.Cli.Output.Json;

/// <summary>One problem of a validation or file error.</summary>
internal sealed record ProblemJson(string Location, string Message);
