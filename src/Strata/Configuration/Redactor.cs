using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Strata.Configuration;

/// <summary>
/// Strata's single redaction layer: every secret (database passwords, secret placeholder values) is registered
/// here once, and every output channel (stdout, stderr, logs, JSON, exception text) passes through
/// <see cref="Redact"/> or a <see cref="RedactingTextWriter"/>. A long secret is masked wherever it occurs; a short one
/// (a development <c>postgres</c>) where it stands as a token, so URL schemes and ordinary words stay readable. Besides the secret itself it masks the forms a
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
    /// shorter than 4 characters (as a whole token, see <see cref="Redact"/>).
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

    /// <summary>
    /// A form at least this long is masked wherever it occurs: nothing else in output equals a long password by chance.
    /// A shorter one (<c>postgres</c>, <c>p</c>) is masked only as a whole token, where a password can appear (URL
    /// userinfo, <c>password=…</c>, a quoted value in a driver message, the word alone), never inside an ordinary
    /// word nor as a URL scheme (<c>postgres://</c>).
    /// </summary>
    internal const int AnywhereLength = 12;

    /// <summary>
    /// Returns <paramref name="text"/> with every registered secret form replaced by <see cref="Mask"/>: forms of
    /// <see cref="AnywhereLength"/> characters or more everywhere, shorter ones where they stand as a whole token.
    /// </summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var forms = Volatile.Read(ref _forms);
        foreach (var form in forms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = form.Length >= AnywhereLength ? text.Replace(form, Mask, StringComparison.Ordinal) : ReplaceTokens(text, form);
            }
        }

        return text;
    }

    /// <summary>
    /// Masks each occurrence of <paramref name="form"/> that is a whole token: not glued to a letter, digit or
    /// <c>_</c> on a side where the form itself starts or ends with one, and not a URL scheme (followed by <c>://</c>).
    /// </summary>
    private static string ReplaceTokens(string text, string form)
    {
        var result = new StringBuilder(text.Length);
        var from = 0;
        for (var at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + 1, StringComparison.Ordinal))
        {
            var end = at + form.Length;
            var gluedBefore = at > 0 && IsWord(form[0]) && IsWord(text[at - 1]);
            var gluedAfter = end < text.Length && IsWord(form[^1]) && IsWord(text[end]);
            var scheme = string.CompareOrdinal(text, end, "://", 0, 3) == 0;
            if (at < from || gluedBefore || gluedAfter || scheme)
            {
                continue;
            }

            result.Append(text, from, at - from).Append(Mask);
            from = end;
        }

        return result.Append(text, from, text.Length - from).ToString();
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';

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
