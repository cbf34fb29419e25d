namespace Strata.History;

/// <summary>How a history row came to be.</summary>
public enum HistoryKind
{
    /// <summary>A versioned migration that Strata ran.</summary>
    Versioned,

    /// <summary>A repeatable migration that Strata ran (the row holds the checksum last applied).</summary>
    Repeatable,

    /// <summary><c>strata baseline</c>: everything up to this version was already in the database.</summary>
    Baseline,

    /// <summary><c>strata mark-applied</c>: recorded without running.</summary>
    Marked,
}
