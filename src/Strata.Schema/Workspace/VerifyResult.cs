namespace Strata.Schema;

/// <summary>
/// What <see cref="SchemaWorkspace.VerifyAsync"/> found: the migrations whose round trip held, and either nothing
/// more (success), the first migration that failed, or the gap between what the migrations produce and the schema files.
/// </summary>
public sealed class VerifyResult
{
    internal VerifyResult(int total, IReadOnlyList<VerifiedMigration> verified, VerifyFailure? failure, SchemaDiff? drift, bool comparedWithSchemaFiles)
    {
        Total = total;
        Verified = verified;
        Failure = failure;
        Drift = drift;
        ComparedWithSchemaFiles = comparedWithSchemaFiles;
    }

    /// <summary>How many versioned migrations there are to verify (those of the environment).</summary>
    public int Total { get; }

    /// <summary>The migrations whose round trip held, in order (up-only ones included).</summary>
    public IReadOnlyList<VerifiedMigration> Verified { get; }

    /// <summary>The first migration whose round trip did not hold, or null.</summary>
    public VerifyFailure? Failure { get; }

    /// <summary>The SQL that would turn what all migrations produce into what the schema files declare, when they differ; null otherwise.</summary>
    public SchemaDiff? Drift { get; }

    /// <summary>True when schema files were given and the final state was compared with them.</summary>
    public bool ComparedWithSchemaFiles { get; }

    /// <summary>True when every round trip held and the final state equals the schema files (when given).</summary>
    public bool Success => Failure is null && Drift is null;
}
