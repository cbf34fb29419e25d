using System.Text;

namespace Strata.Codegen;

/// <summary>Turns database names into identifiers: PascalCase and camelCase words, and escaping for C# and TypeScript.</summary>
internal static class Identifiers
{
    private static readonly HashSet<string> CSharpKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// PascalCase: words split at anything that is not a letter or digit, each word's first letter upper-cased, the rest
    /// kept (<c>user_id</c> → <c>UserId</c>, <c>userID</c> → <c>UserID</c>); a leading digit gets an underscore before it.
    /// </summary>
    public static string Pascal(string name)
    {
        var result = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return Lead(result.ToString());
    }

    /// <summary>What Kysely's <c>CamelCasePlugin</c> makes of a snake_case name: each underscore dropped and the letter after it upper-cased.</summary>
    public static string Camel(string name)
    {
        var result = new StringBuilder(name.Length);
        var upper = false;
        foreach (var c in name)
        {
            if (c == '_' && result.Length > 0)
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return result.ToString();
    }

    /// <summary>A valid C# identifier for <paramref name="name"/> kept as it is: other characters become <c>_</c>, keywords get <c>@</c>.</summary>
    public static string CSharpVerbatim(string name)
    {
        var text = Lead(new string([.. name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_')]));
        return CSharpKeywords.Contains(text) ? "@" + text : text;
    }

    /// <summary>A TypeScript property key: the name itself when it is an identifier, else a quoted string.</summary>
    public static string TypeScriptKey(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$') && name.All(char.IsAscii)
            ? name
            : Literals.TypeScriptString(name);

    private static string Lead(string text) => text.Length == 0 ? "_" : char.IsDigit(text[0]) ? "_" + text : text;
}
