namespace Strata.Execution;

/// <summary>An observer that ignores everything.</summary>
internal sealed class NullObserver : IMigrationObserver
{
    public static readonly NullObserver Instance = new();
}
