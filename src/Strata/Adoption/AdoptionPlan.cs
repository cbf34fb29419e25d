namespace Strata.Adoption;

/// <summary>What <c>strata adopt</c> found and wrote (or, for a dry run, would write).</summary>
/// <param name="Tool">The tool whose history was read.</param>
/// <param name="Table">Its table, left unchanged.</param>
/// <param name="Entries">Each row of that history and the migration it maps to.</param>
public sealed record AdoptionPlan(ForeignTool Tool, string Table, IReadOnlyList<AdoptedEntry> Entries)
{
    /// <summary>
    /// The version recorded as a baseline when the old migrations are code Strata cannot run (Knex, EF Core, Sqitch)
    /// or have no files here; null when each migration was mapped to a file.
    /// </summary>
    public long? Baseline { get; init; }

    /// <summary>The migrations recorded as applied, in order.</summary>
    public IReadOnlyList<string> Recorded { get; init; } = [];

    /// <summary>True when nothing was written (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }
}
