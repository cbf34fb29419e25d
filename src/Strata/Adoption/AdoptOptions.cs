namespace Strata.Adoption;

/// <summary>Options of <see cref="Execution.Migrator.AdoptAsync"/>.</summary>
public sealed record AdoptOptions
{
    /// <summary>The tool whose history to read; null to find the one table present.</summary>
    public ForeignTool? From { get; init; }

    /// <summary>Only print the mapping; write nothing.</summary>
    public bool DryRun { get; init; }
}
