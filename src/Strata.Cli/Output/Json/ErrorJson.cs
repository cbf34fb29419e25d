namespace Strata.Cli.Output.Json;

/// <summary>An error with <c>--json</c>: printed on stdout as <c>{"error": …}</c> (and in words on stderr).</summary>
internal sealed record ErrorJson(ErrorBodyJson Error);
