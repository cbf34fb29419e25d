using Strata.Configuration;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// Registers passwords with the redaction layer before any parsing, so even a malformed URL or an early error
/// cannot echo one: password environment variables, and the password part of every URL-looking argument.
/// </summary>
internal static class SecretScan
{
    private static readonly string[] PasswordVariables = ["PGPASSWORD", "POSTGRES_PASSWORD"];

    public static void AddKnownSecrets(Redactor redactor, IEnumerable<string> args, IReadOnlyDictionary<string, string> variables)
    {
        foreach (var name in PasswordVariables)
        {
            if (variables.TryGetValue(name, out var value))
            {
                redactor.Add(value);
            }
        }

        foreach (var name in new[] { "DATABASE_URL", "STRATA_DEV_DATABASE_URL" })
        {
            if (variables.TryGetValue(name, out var url))
            {
                AddUrlPassword(redactor, url);
            }
        }

        foreach (var arg in args)
        {
            AddUrlPassword(redactor, arg);
        }
    }

    /// <summary>The text between <c>scheme://user:</c> and the last <c>@</c>, or a <c>Password=</c> keyword value.</summary>
    private static void AddUrlPassword(Redactor redactor, string value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        var at = value.LastIndexOf('@');
        if (scheme >= 0 && at > scheme)
        {
            var userInfo = value[(scheme + 3)..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && colon + 1 < userInfo.Length)
            {
                var password = userInfo[(colon + 1)..];
                redactor.Add(password);
                redactor.Add(Uri.UnescapeDataString(password));
            }
        }

        foreach (var part in value.Split(';'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals("password", StringComparison.OrdinalIgnoreCase))
            {
                redactor.Add(part[(eq + 1)..].Trim());
            }
        }
    }
}
