namespace Strata.Errors;

/// <summary>
/// The migrations on disk (or in another source) are not usable: every problem is listed, and nothing has
/// touched a database yet.
/// </summary>
public sealed class MigrationSourceException : StrataException
{
    /// <summary>Creates the error from the full list of problems.</summary>
    public MigrationSourceException(IReadOnlyList<Problem> problems)
        : base(ErrorCategory.BadInput, Describe(problems), "fix the files listed and run again; files that do not look like migrations (README.md, folders) are ignored")
    {
        Problems = problems;
    }

    /// <summary>Every problem found while loading, each naming the file (and line) at fault.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    private static string Describe(IReadOnlyList<Problem> problems) =>
        $"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} in the migration files:"
        + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
}
