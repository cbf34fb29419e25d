namespace Strata.Adoption;

/// <summary>What another tool's history table says, read without changing it.</summary>
/// <param name="Tool">The tool.</param>
/// <param name="Table">The table as found (<c>public.knex_migrations</c>).</param>
/// <param name="Entries">The applied migrations, oldest first (golang-migrate: the one newest version).</param>
public sealed record ForeignHistory(ForeignTool Tool, string Table, IReadOnlyList<ForeignEntry> Entries)
{
    /// <summary>Why taking over now is unsafe (dirty, failed, locked) and the old tool's own fix; null when it is safe.</summary>
    public string? Unsafe { get; init; }

    /// <summary>The fix for <see cref="Unsafe"/>, in the old tool's own commands.</summary>
    public string? Fix { get; init; }

    /// <summary>golang-migrate: the one row is a watermark; every version up to it counts as applied.</summary>
    public bool IsWatermark { get; init; }
}
