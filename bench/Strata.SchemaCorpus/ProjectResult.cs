namespace Strata.SchemaCorpus;

/// <summary>What one project's run found.</summary>
internal sealed record ProjectResult(string Name)
{
    public int Migrations { get; init; }

    /// <summary>Why the project's own migrations did not apply with psql, or null.</summary>
    public string? ApplyFailure { get; init; }

    public int Tables { get; init; }

    public int Objects { get; init; }

    /// <summary>The objects of the original's pg_dump.</summary>
    public int DumpObjects { get; init; }

    public IReadOnlyList<string> NotManaged { get; init; } = [];

    /// <summary>Objects of the original's pg_dump that differ in (or are missing from) the pushed copy.</summary>
    public int PushDifferent { get; init; } = -1;

    /// <summary>Objects of the pushed copy that differ from the original restored from its own pg_dump.</summary>
    public int PushBeyondRestore { get; init; } = -1;

    public int PushDiffExit { get; init; } = -1;

    /// <summary>Objects of the original's pg_dump that differ in the generated-and-migrated copy.</summary>
    public int MigrateDifferent { get; init; } = -1;

    /// <summary>Objects of the migrated copy that differ from the original restored from its own pg_dump.</summary>
    public int MigrateBeyondRestore { get; init; } = -1;

    public int MigrateDiffExit { get; init; } = -1;

    /// <summary>Objects left (or missing) after rolling the generated migration back, against an empty database.</summary>
    public int RollbackLeft { get; init; } = -1;

    /// <summary>A command of Strata that failed, with its output, or null.</summary>
    public string? StrataFailure { get; init; }

    public bool Identical => ApplyFailure is null && StrataFailure is null && PushBeyondRestore == 0 && MigrateBeyondRestore == 0
        && PushDiffExit == 0 && MigrateDiffExit == 0 && RollbackLeft == 0;
}
