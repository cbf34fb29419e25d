using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Strata.Configuration;

/// <summary>
/// Strata's single redaction layer: every secret (database passwords, secret placeholder values) is registered
/// here once, and every output channel (stdout, stderr, logs, JSON, exception text) passes through
/// <see cref="Redact"/> or a <see cref="RedactingTextWriter"/>. Besides the secret itself it masks the forms a
/// secret takes in output: percent-encoded (upper- and lower-case hex), form-encoded, base64 (with and without
/// padding, URL-safe), JSON-escaped, and quoted with doubled quotes. Thread-safe: <see cref="Add"/> may race with
/// <see cref="Redact"/>; a redaction sees either all or none of a secret's forms.
/// </summary>
public sealed class Redactor
{
    /// <summary>What each secret is replaced with.</summary>
    public const string Mask = "***";

    private readonly Lock _gate = new();
    private string[] _forms = [];

    /// <summary>The length of the longest registered form (0 when none), so writers know how much to hold back.</summary>
    public int LongestForm { get; private set; }

    /// <summary>True when a registered form contains a line break (writers then hold text back across lines).</summary>
    public bool HasMultilineForm { get; private set; }

    /// <summary>
    /// Registers a secret. Null and empty strings are ignored; any other secret is masked from now on, even one
    /// shorter than 4 characters (which may then mask unrelated text: better too much than a leak).
    /// </summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        lock (_gate)
        {
            var forms = new HashSet<string>(_forms, StringComparer.Ordinal);
            forms.UnionWith(FormsOf(secret).Where(f => f.Length > 0));
            var ordered = forms.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).ToArray();
            LongestForm = ordered[0].Length;
            HasMultilineForm = ordered.Any(f => f.Contains('\n', StringComparison.Ordinal) || f.Contains('\r', StringComparison.Ordinal));
            Volatile.Write(ref _forms, ordered);
        }
    }

    /// <summary>Returns <paramref name="text"/> with every registered secret form replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var forms = Volatile.Read(ref _forms);
        foreach (var form in forms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>The registered forms, longest first (a snapshot).</summary>
    internal IReadOnlyList<string> Forms => Volatile.Read(ref _forms);

    private static IEnumerable<string> FormsOf(string secret)
    {
        yield return secret;
        var escaped = Uri.EscapeDataString(secret);
        yield return escaped;
        yield return LowerHex(escaped);
        var formEncoded = WebUtility.UrlEncode(secret);
        yield return formEncoded;
        yield return LowerHex(formEncoded);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        yield return base64;
        yield return base64.TrimEnd('=');
        yield return base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');

        // As it appears quoted in a connection string or SQL literal, and each of those again inside JSON output
        // (an exception message holding a connection string, printed with --json, is both at once).
        foreach (var quoted in new[] { secret, secret.Replace("\"", "\"\"", StringComparison.Ordinal), secret.Replace("'", "''", StringComparison.Ordinal) })
        {
            yield return quoted;
            yield return JsonEncodedText.Encode(quoted).Value;
            yield return JsonEncodedText.Encode(quoted, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value;
        }
    }

    private static string LowerHex(string encoded)
    {
        var chars = encoded.ToCharArray();
        for (var i = 0; i + 2 < chars.Length; i++)
        {
            if (chars[i] == '%')
            {
                chars[i + 1] = char.ToLowerInvariant(chars[i + 1]);
                chars[i + 2] = char.ToLowerInvariant(chars[i + 2]);
                i += 2;
            }
        }

        return new string(chars);
    }
}
