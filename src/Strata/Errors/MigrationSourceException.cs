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

    /// <summary>
    /// Creates the error from the full list of problems and the migrations of the files that could be read all the same
    /// (a file whose only problem is, say, a transaction statement, or one of two files sharing a version), so that
    /// <c>strata lint</c> can check every statement of every readable file whatever the other files' problems.
    /// </summary>
    public MigrationSourceException(IReadOnlyList<Problem> problems, IReadOnlyList<Sources.Migration> readable)
        : this(problems)
    {
        Readable = readable;
    }

    /// <summary>Every problem found while loading, each naming the file (and line) at fault.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>
    /// The migrations of the files that were read and parsed despite the problems, in version order then repeatables
    /// by name (empty when the source does not say). Never run: only <c>strata lint</c> reads them.
    /// </summary>
    public IReadOnlyList<Sources.Migration> Readable { get; } = [];

    private static string Describe(IReadOnlyList<Problem> problems) =>
        $"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} in the migration files:"
        + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
}
