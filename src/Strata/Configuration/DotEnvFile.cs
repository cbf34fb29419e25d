using System.Text;
using Strata.Errors;

namespace Strata.Configuration;

/// <summary>
/// Reads the <c>.env</c> file of the working directory. Lines are <c>KEY=VALUE</c> or <c>export KEY=VALUE</c>;
/// blank lines and lines starting with <c>#</c> are skipped. Values are used verbatim: no <c>$VAR</c> or
/// <c>${VAR}</c> expansion, so a password that starts with <c>$</c> stays intact. Double-quoted values understand
/// <c>\n</c>, <c>\"</c> and <c>\\</c> (any other backslash stays, so <c>"C:\temp"</c> is kept); single-quoted values
/// are literal; an unquoted value ends
/// at a <c>#</c> that follows whitespace (quote the value to keep such a <c>#</c>). A bad line is a
/// <see cref="ConfigurationException"/> naming <c>path:line</c>, never the line's text (it may hold a password).
/// </summary>
internal static class DotEnvFile
{
    /// <summary>The file name.</summary>
    public const string FileName = ".env";

    private const string Hint = "write one KEY=VALUE per line (KEY: letters, digits, underscores); quote a value containing ' #' or leading spaces";

    /// <summary>The variables of <c>.env</c> in <paramref name="directory"/>, or an empty set when there is no such file.</summary>
    public static IReadOnlyDictionary<string, string> Load(string directory, out string? path)
    {
        path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            path = null;
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Parses <c>.env</c> text; <paramref name="path"/> is used in error messages.</summary>
    public static Dictionary<string, string> Parse(string text, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').TrimStart();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export", StringComparison.Ordinal) && line.Length > 6 && char.IsWhiteSpace(line[6]))
            {
                line = line[7..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? line[..equals].TrimEnd() : "";
            if (!IsValidKey(key))
            {
                throw Bad(path, i + 1, "expected KEY=VALUE");
            }

            result[key] = ParseValue(line[(equals + 1)..].TrimStart(), path, i + 1);
        }

        return result;
    }

    private static bool IsValidKey(string key) =>
        key.Length > 0 && !char.IsAsciiDigit(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string ParseValue(string text, string path, int line)
    {
        if (text.Length == 0 || text[0] is not ('"' or '\''))
        {
            var comment = IndexOfComment(text);
            return (comment < 0 ? text : text[..comment]).TrimEnd();
        }

        var quote = text[0];
        var value = new StringBuilder();
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == quote)
            {
                var rest = text[(i + 1)..].TrimStart();
                return rest.Length == 0 || rest[0] == '#' ? value.ToString() : throw Bad(path, line, "unexpected text after the closing quote");
            }

            if (quote == '"' && c == '\\' && i + 1 < text.Length)
            {
                value.Append(Unescape(text[i + 1]));
                i++;
                continue;
            }

            value.Append(c);
        }

        throw Bad(path, line, $"the value has no closing {(quote == '"' ? "double" : "single")} quote (values cannot span lines)");
    }

    private static string Unescape(char c) => c switch
    {
        'n' => "\n",
        '"' => "\"",
        '\\' => "\\",
        _ => "\\" + c,
    };

    private static int IndexOfComment(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '#' && char.IsWhiteSpace(text[i - 1]))
            {
                return i;
            }
        }

        return -1;
    }

    private static ConfigurationException Bad(string path, int line, string problem) =>
        new($"{path}:{line}: {problem}", Hint);
}
