namespace Strata.Schema;

/// <summary>How a migration failed <see cref="SchemaWorkspace.VerifyAsync"/>'s round trip.</summary>
public enum VerifyFailureKind
{
    /// <summary>After its down script the schema is not the one it started from.</summary>
    DownDoesNotRestore,

    /// <summary>Applied again after its down, it gives a different schema than the first time.</summary>
    UpDiffersAgain,
}
