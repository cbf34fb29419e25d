namespace Strata.Cli.Output.Json;

/// <summary>Where in a migration file a failure happened.</summary>
internal sealed record LocationJson(string File, int Line, int Column);
