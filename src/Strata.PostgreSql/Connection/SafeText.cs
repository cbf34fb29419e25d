namespace Strata.PostgreSql.Connection;

/// <summary>
/// Decides whether a piece of user input may be quoted in an error message. Database URLs and keyword strings
/// can hold a password that was not escaped, so a fragment is echoed only when it is short, made of name
/// characters, and shares no 4-character piece with the password parsed so far.
/// </summary>
internal static class SafeText
{
    private const int MaxLength = 40;

    /// <summary>The fragment in single quotes when it is safe to show, otherwise <paramref name="fallback"/>.</summary>
    public static string Quote(string fragment, string? password, string fallback) =>
        IsSafe(fragment, password) ? "'" + fragment + "'" : fallback;

    /// <summary>True when <paramref name="fragment"/> can be shown without risk of revealing a secret.</summary>
    public static bool IsSafe(string fragment, string? password)
    {
        if (fragment.Length is 0 or > MaxLength || !fragment.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ' '))
        {
            return false;
        }

        return password is null || !SharesPiece(fragment, password);
    }

    /// <summary>True when the two texts share any substring of 4 or more characters (or one contains the other).</summary>
    public static bool SharesPiece(string text, string secret)
    {
        if (secret.Length < 4 || text.Length < 4)
        {
            return text.Contains(secret, StringComparison.Ordinal) || (text.Length > 0 && secret.Contains(text, StringComparison.Ordinal));
        }

        for (var i = 0; i + 4 <= secret.Length; i++)
        {
            if (text.AsSpan().Contains(secret.AsSpan(i, 4), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
