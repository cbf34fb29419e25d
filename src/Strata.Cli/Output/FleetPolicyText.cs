namespace Strata.Cli.Output;

/// <summary>The failure options of a fleet run as the user gave them, quoted in the summary's "Stopped:" line.</summary>
/// <param name="Canary">e.g. <c>--canary 5</c>, or null.</param>
/// <param name="MaxFailures">e.g. <c>--max-failures 3</c>, or null.</param>
internal sealed record FleetPolicyText(string? Canary, string? MaxFailures);
