namespace Strata.Errors;

/// <summary>What kind of failure a <see cref="StrataException"/> is; the CLI maps each to one exit code.</summary>
public enum ErrorCategory
{
    /// <summary>Bad input: usage, configuration, file names, checksums, missing files, a refused unsafe action (exit 2).</summary>
    BadInput,

    /// <summary>A check that is not clean: pending migrations, lint errors, schema differences (exit 3).</summary>
    CheckFailed,

    /// <summary>A migration failed while running (exit 4).</summary>
    MigrationFailed,

    /// <summary>The database cannot be reached, the connection was lost, or the lock wait timed out (exit 5).</summary>
    Unavailable,
}
