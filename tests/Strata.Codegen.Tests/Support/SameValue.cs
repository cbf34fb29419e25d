using System.Collections;
using System.Text.Json;

namespace Strata.Codegen.Tests.Support;

/// <summary>Structural equality for round-tripped values: arrays and lists element by element, bit strings bit by bit, JSON by value, dictionaries by entries.</summary>
internal static class SameValue
{
    public static bool Of(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (JsonElement a, JsonElement b) => JsonElement.DeepEquals(a, b),
        (BitArray a, BitArray b) => a.Length == b.Length && Enumerable.Range(0, a.Length).All(i => a[i] == b[i]),
        (IDictionary a, IDictionary b) => a.Count == b.Count && a.Keys.Cast<object>().All(k => b.Contains(k) && Of(a[k], b[k])),
        (string a, string b) => a == b,
        (IEnumerable a, IEnumerable b) => a.Cast<object?>().ToList() is var x && b.Cast<object?>().ToList() is var y && x.Count == y.Count && x.Zip(y).All(p => Of(p.First, p.Second)),
        (DateTime a, DateTime b) => a == b && a.Kind == b.Kind,
        _ => Equals(expected, actual) || expected.ToString() == actual.ToString() && expected.GetType() == actual.GetType(),
    };

    public static string Show(object? value) => value switch
    {
        null => "null",
        JsonElement e => e.GetRawText(),
        BitArray b => string.Concat(b.Cast<bool>().Select(x => x ? '1' : '0')),
        string s => '"' + s + '"',
        IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => $"{k}={Show(d[k])}")) + "}",
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Show)) + "]",
        DateTime t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " " + t.Kind,
        _ => $"{value} ({value.GetType().Name})",
    };
}
