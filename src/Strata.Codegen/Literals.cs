using System.Globalization;
using System.Text;

namespace Strata.Codegen;

/// <summary>String literals and comment text for generated C# and TypeScript.</summary>
internal static class Literals
{
    /// <summary>A C# regular string literal, e.g. <c>"public.orders"</c>.</summary>
    public static string CSharpString(string value) => Quote(value);

    /// <summary>A TypeScript string literal in double quotes.</summary>
    public static string TypeScriptString(string value) => Quote(value);

    /// <summary>Text for an XML doc comment: &amp;, &lt;, &gt; escaped, lines ending in <c>\n</c>.</summary>
    public static string Xml(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\r", "\n", StringComparison.Ordinal)
            .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Text for a JSDoc comment: <c>*/</c> broken up, each line of <paramref name="text"/> as its own line.</summary>
    public static IEnumerable<string> JsDocLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd().Replace("*/", "*\\/", StringComparison.Ordinal));

    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
