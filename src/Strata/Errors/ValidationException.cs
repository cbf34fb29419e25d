namespace Strata.Errors;

/// <summary>
/// The migrations and the history disagree in a way that must be resolved before anything runs: an applied
/// file was edited or deleted, a migration is older than the newest applied one, a non-transactional
/// migration was left unfinished.
/// </summary>
public sealed class ValidationException : StrataException
{
    /// <summary>Creates the error from the full list of problems and a hint for the most likely fix.</summary>
    public ValidationException(IReadOnlyList<Problem> problems, string? hint)
        : base(ErrorCategory.BadInput, Describe(problems), hint)
    {
        Problems = problems;
    }

    /// <summary>Every disagreement found, each naming the migration or history row at fault.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    private static string Describe(IReadOnlyList<Problem> problems) =>
        $"validation failed ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}); nothing was run:"
        + string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
}
