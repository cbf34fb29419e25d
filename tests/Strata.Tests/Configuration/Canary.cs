using System.Text;
using Strata.Errors;

namespace Strata.Tests.Configuration;

/// <summary>The canary password of R21 and the checks that it never shows.</summary>
internal static class Canary
{
    public const string Prefix = "Pw$9;'\"@:/%x";

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_{|}~'\"\\ ";

    /// <summary>Seeds for theories: each gives a different random tail.</summary>
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 25; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    /// <summary>The prefix plus 24 characters drawn with <paramref name="seed"/>.</summary>
    public static string Make(int seed)
    {
        var random = new Random(seed);
        var tail = new StringBuilder();
        while (tail.Length < 24)
        {
            tail.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return Prefix + tail;
    }

    /// <summary>Fails when <paramref name="text"/> holds the canary, any 4-character piece of it, or its encoded forms.</summary>
    public static void ShouldNotLeak(this string? text, string canary)
    {
        if (text is null)
        {
            return;
        }

        text.ShouldNotContain(canary);
        text.ShouldNotContain(Uri.EscapeDataString(canary));
        text.ShouldNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(canary)));
        for (var i = 0; i + 4 <= canary.Length; i++)
        {
            var piece = canary.Substring(i, 4);
            text.Contains(piece, StringComparison.Ordinal).ShouldBeFalse($"the text leaks the piece [{piece}]: {text}");
        }
    }

    /// <summary>Checks every text an exception shows: message, hint and ToString (which includes inner exceptions).</summary>
    public static void ShouldNotLeak(this Exception exception, string canary)
    {
        exception.Message.ShouldNotLeak(canary);
        exception.ToString().ShouldNotLeak(canary);
        (exception as StrataException)?.Hint.ShouldNotLeak(canary);
    }
}
