namespace Strata.Errors;

/// <summary>The database cannot be reached, refused the login, or the connection was lost mid-run.</summary>
public sealed class DatabaseUnavailableException : StrataException
{
    /// <summary>Creates the error; <paramref name="message"/> names the server (without password).</summary>
    public DatabaseUnavailableException(string message, string? hint = null, Exception? innerException = null)
        : base(ErrorCategory.Unavailable, message, hint, innerException)
    {
    }
}
