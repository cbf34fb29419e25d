namespace Strata.Errors;

/// <summary>
/// The root of every error Strata reports to users. The message names the file, line or object at fault;
/// <see cref="Hint"/> says how to fix it. Messages never contain passwords.
/// </summary>
public class StrataException : Exception
{
    /// <summary>
    /// Thrown by the engine and the dialects (and by callers who extend them) for any failure users must act on; the
    /// CLI maps <paramref name="category"/> to its exit code and prints <paramref name="message"/> and <paramref name="hint"/>.
    /// </summary>
    /// <param name="category">What kind of failure it is.</param>
    /// <param name="message">What went wrong and where, without passwords.</param>
    /// <param name="hint">What to do next, or null.</param>
    /// <param name="innerException">The driver or I/O error behind it, if any.</param>
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
