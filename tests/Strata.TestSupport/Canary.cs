using System.Security.Cryptography;
using System.Text;
using Shouldly;

namespace Strata.TestSupport;

/// <summary>
/// A password made to be found (reliability R21): <c>Pw$9;'"@:/%x</c>, characters that break naive URL and keyword
/// parsing, plus 24 random characters. The random part alternates letters G–Z and digits, so none of its 4-character
/// pieces can occur by chance in Strata's output (which has no such runs: hex is a–f, words are lower case).
/// </summary>
public sealed class Canary
{
    public const string Prefix = "Pw$9;'\"@:/%x";

    public Canary()
    {
        var random = new StringBuilder();
        for (var i = 0; i < 12; i++)
        {
            random.Append((char)('G' + RandomNumberGenerator.GetInt32(20)));
            random.Append((char)('0' + RandomNumberGenerator.GetInt32(10)));
        }

        RandomPart = random.ToString();
    }

    /// <summary>The 24 random characters.</summary>
    public string RandomPart { get; }

    /// <summary>The whole password.</summary>
    public string Password => Prefix + RandomPart;

    /// <summary>The password percent-encoded, as it stands in a URL.</summary>
    public string UrlEncoded => Uri.EscapeDataString(Password);

    /// <summary>Every text that must not appear: the password, its URL and base64 forms, every 4+ character piece of the random part.</summary>
    public IEnumerable<string> Forms()
    {
        yield return Password;
        yield return UrlEncoded;
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(Password));
        for (var length = 4; length <= RandomPart.Length; length++)
        {
            for (var start = 0; start + length <= RandomPart.Length; start++)
            {
                yield return RandomPart.Substring(start, length);
            }
        }
    }

    /// <summary>The first form of the canary found in <paramref name="text"/>, or null when there is none.</summary>
    public string? FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Forms().FirstOrDefault(form => text.Contains(form, StringComparison.Ordinal));
    }

    /// <summary>Fails, naming <paramref name="where"/> and the form found, when any form appears in <paramref name="text"/>.</summary>
    public void ShouldNotLeakInto(string text, string where)
    {
        var found = FindIn(text);
        found.ShouldBeNull($"{where} holds '{found}'");
    }

    /// <summary>
    /// Every file under <paramref name="folder"/> (recursively) that holds a form of the canary, read as UTF-8 and as
    /// Latin-1 (so a form split by an encoding still shows), with the form found.
    /// </summary>
    public IReadOnlyList<string> FindInFiles(string folder)
    {
        var hits = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            if ((FindIn(Encoding.UTF8.GetString(bytes)) ?? FindIn(Encoding.Latin1.GetString(bytes))) is { } form)
            {
                hits.Add($"{file} holds '{form}'");
            }
        }

        return hits;
    }

    /// <summary>Fails, naming the run and the form found, when any form appears on stdout or stderr.</summary>
    public void ShouldNotLeakInto(CliResult result, string run)
    {
        foreach (var form in Forms())
        {
            result.Stdout.Contains(form, StringComparison.Ordinal).ShouldBeFalse($"{run}: stdout holds '{form}'\n{result}");
            result.Stderr.Contains(form, StringComparison.Ordinal).ShouldBeFalse($"{run}: stderr holds '{form}'\n{result}");
        }
    }
}
