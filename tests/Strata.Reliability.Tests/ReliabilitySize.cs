namespace Strata.Reliability.Tests;

/// <summary>
/// How big the long scenarios run: the CI size by default (finds regressions in minutes), the full size of
/// docs/reliability.md with <c>STRATA_RELIABILITY=full</c>.
/// </summary>
public static class ReliabilitySize
{
    /// <summary>True when <c>STRATA_RELIABILITY=full</c>.</summary>
    public static bool Full => string.Equals(Environment.GetEnvironmentVariable("STRATA_RELIABILITY"), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary><paramref name="ci"/> normally, <paramref name="full"/> for the full run.</summary>
    public static int Pick(int ci, int full) => Full ? full : ci;
}
