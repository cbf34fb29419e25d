namespace Strata.Planning;

/// <summary>Where one migration stands, comparing the files with the history table.</summary>
public enum MigrationStatusKind
{
    /// <summary>In the history and unchanged on disk.</summary>
    Applied,

    /// <summary>On disk, not yet applied.</summary>
    Pending,

    /// <summary>Applied, but the file's checksum (or name) differs from what was applied.</summary>
    Changed,

    /// <summary>In the history, but its file is gone.</summary>
    Missing,

    /// <summary>A no-transaction migration that started and did not finish; needs a person to resolve it.</summary>
    Unfinished,

    /// <summary>Not applied, yet older than the newest applied migration (needs <c>--allow-out-of-order</c>).</summary>
    OutOfOrder,

    /// <summary>At or below the baseline version: counted as already in the database.</summary>
    Baselined,

    /// <summary>Not applied in this environment (<c>-- strata:env</c> names others).</summary>
    Skipped,

    /// <summary>A repeatable migration whose file changed since it was last applied: it will be re-applied.</summary>
    Outdated,
}
