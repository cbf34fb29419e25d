namespace Strata.Errors;

/// <summary>Configuration is missing or wrong: no database, a malformed URL, an unknown environment, a bad <c>strata.json</c>.</summary>
public sealed class ConfigurationException : StrataException
{
    /// <summary>Creates the error; say what is wrong in <paramref name="message"/> and how to fix it in <paramref name="hint"/>.</summary>
    public ConfigurationException(string message, string? hint = null, Exception? innerException = null)
        : base(ErrorCategory.BadInput, message, hint, innerException)
    {
    }
}
