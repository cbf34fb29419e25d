namespace Strata.Sources;

/// <summary>How a migration is ordered and re-applied.</summary>
public enum MigrationKind
{
    /// <summary>Applied once, in version order (<c>&lt;version&gt;_&lt;slug&gt;.sql</c>).</summary>
    Versioned,

    /// <summary>Re-applied after all versioned migrations whenever its checksum changes (<c>R__&lt;slug&gt;.sql</c>).</summary>
    Repeatable,
}
