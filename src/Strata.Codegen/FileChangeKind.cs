namespace Strata.Codegen;

/// <summary>How a file on disk differs from the generated output.</summary>
public enum FileChangeKind
{
    /// <summary>The file does not exist yet.</summary>
    Created,

    /// <summary>The file exists with other content.</summary>
    Changed,

    /// <summary>A generated file that the output no longer has (its table or schema is gone).</summary>
    Deleted,
}
