namespace Strata.Errors;

/// <summary>
/// The root of every error Strata reports to users. The message names the file, line or object at fault;
/// <see cref="Hint"/> says how to fix it. Messages never contain passwords.
/// </summary>
public class StrataException : Exception
{
    /// <summary>Creates an error of the given category.</summary>
    public StrataException(ErrorCategory category, string message, string? hint = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Category = category;
        Hint = hint;
    }

    /// <summary>What kind of failure this is (decides the exit code).</summary>
    public ErrorCategory Category { get; }

    /// <summary>One sentence telling the user what to do next, or null.</summary>
    public string? Hint { get; }
}
