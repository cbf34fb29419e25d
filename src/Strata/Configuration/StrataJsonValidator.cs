using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Errors;

namespace Strata.Configuration;

/// <summary>
/// Checks <c>strata.json</c> before it is deserialised: every property must be known (a typo such as
/// <c>"databse"</c> is an error naming the property, file, line and column, with the nearest known property), appear
/// once, and have the right JSON type; malformed JSON is reported as <c>file:line:column</c>. Sections that a feature
/// reads and checks itself (<c>lint</c>) are not looked into; a section for a feature this build does not have
/// (<see cref="PlannedSections"/>) is refused rather than accepted and ignored. Messages never quote values (a
/// database URL may hold a password). The tables below are the whole reference; docs/configuration.md documents each key.
/// </summary>
internal sealed partial class StrataJsonValidator
{
    private static readonly Dictionary<string, Expect> RootProperties = new(StringComparer.Ordinal)
    {
        ["$schema"] = Expect.String,
        ["database"] = Expect.StringOrNull,
        ["devDatabase"] = Expect.StringOrNull,
        ["migrations"] = Expect.String,
        ["layout"] = Expect.String,
        ["schema"] = Expect.StringOrNull,
        ["schemaFile"] = Expect.StringOrNull,
        ["history"] = Expect.History,
        ["lockTimeout"] = Expect.Number,
        ["statementLockTimeout"] = Expect.Number,
        ["statementTimeout"] = Expect.Number,
        ["lockRetries"] = Expect.Number,
        ["lockKey"] = Expect.Number,
        ["requireTls"] = Expect.Boolean,
        ["environment"] = Expect.String,
        ["protected"] = Expect.Boolean,
        ["environments"] = Expect.Environments,
        ["unmanaged"] = Expect.Strings,
        ["lint"] = Expect.Any,
        ["codegen"] = Expect.Any,
        ["backup"] = Expect.Any,
    };

    /// <summary>
    /// Keys kept for features that are not built yet, with what they will configure. A file that sets one is refused
    /// (exit 2), so nobody believes it took effect. When the feature lands, move its key to <see cref="RootProperties"/>
    /// as <c>Expect.Any</c> (its own reader validates the contents, as lint's does).
    /// </summary>
    private static readonly Dictionary<string, string> PlannedSections = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, Expect> HistoryProperties = new(StringComparer.Ordinal)
    {
        ["table"] = Expect.String,
        ["schema"] = Expect.StringOrNull,
    };

    private static readonly Dictionary<string, Expect> EnvironmentProperties = new(StringComparer.Ordinal)
    {
        ["database"] = Expect.StringOrNull,
        ["devDatabase"] = Expect.StringOrNull,
        ["migrations"] = Expect.String,
        ["protected"] = Expect.Boolean,
        ["requireTls"] = Expect.Boolean,
    };

    private readonly byte[] _bytes;
    private readonly string _path;

    private StrataJsonValidator(byte[] bytes, string path)
    {
        _bytes = bytes;
        _path = path;
    }

    private enum Expect
    {
        String,
        StringOrNull,
        Number,
        Boolean,
        Any,
        Strings,
        History,
        Environments,
        Environment,
    }

    /// <summary>The reader options shared with deserialisation: comments and trailing commas are allowed.</summary>
    public static JsonReaderOptions ReaderOptions => new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Validates the UTF-8 text of <paramref name="path"/>; throws <see cref="ConfigurationException"/> on the first problem.</summary>
    public static void Validate(byte[] bytes, string path)
    {
        var validator = new StrataJsonValidator(bytes, path);
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw validator.Error(reader.TokenStartIndex, "the file must contain one JSON object { … }", "see `strata init` for an example");
            }

            validator.CheckObject(ref reader, RootProperties, "");
            while (reader.Read())
            {
                // Reading on makes the reader reject anything after the object.
            }
        }
        catch (JsonException e)
        {
            throw Malformed(e, path);
        }
    }

    /// <summary>The error for JSON that does not parse, positioned as <c>file:line:column</c>.</summary>
    public static ConfigurationException Malformed(JsonException e, string path)
    {
        var message = e.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            message = cut >= 0 ? message[..cut] : message;
        }

        // The reader quotes bits of the text it failed on; keep fragments too short to hold a 4-character piece of a secret.
        message = QuotedFragment().Replace(message, m => !m.Groups[1].Success || m.Groups[1].Value is "true" or "false" or "null" ? m.Value : "'…'");
        var line = (e.LineNumber ?? 0) + 1;
        var column = (e.BytePositionInLine ?? 0) + 1;
        return new ConfigurationException(
            $"{path}:{line}:{column}: malformed JSON: {message.Trim()}",
            "fix the syntax at that position; a missing comma, quote or brace is the usual cause");
    }

    private void CheckObject(ref Utf8JsonReader reader, Dictionary<string, Expect> properties, string prefix)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            var at = reader.TokenStartIndex;
            if (prefix.Length == 0 && PlannedSections.TryGetValue(name, out var feature))
            {
                throw Error(at, $"\"{name}\" configures {feature}, which this version of Strata does not have yet; it would be ignored",
                    $"remove \"{name}\" from the file until a release that has it");
            }

            if (!properties.TryGetValue(name, out var expect))
            {
                var where = prefix.Length == 0 ? "at the top level" : "in \"" + prefix.TrimEnd('.') + "\"";
                throw Error(at, $"unknown property {Show(name)} {where}", Suggest(name, properties.Keys));
            }

            if (!seen.Add(name))
            {
                throw Error(at, $"property \"{prefix}{name}\" appears twice", "keep one of them");
            }

            reader.Read();
            CheckValue(ref reader, expect, prefix + name);
        }
    }

    private void CheckValue(ref Utf8JsonReader reader, Expect expect, string property)
    {
        var token = reader.TokenType;
        var ok = expect switch
        {
            Expect.String => token == JsonTokenType.String,
            Expect.StringOrNull => token is JsonTokenType.String or JsonTokenType.Null,
            Expect.Number => token == JsonTokenType.Number,
            Expect.Boolean => token is JsonTokenType.True or JsonTokenType.False,
            Expect.Any => true,
            Expect.Strings => token == JsonTokenType.StartArray,
            _ => token == JsonTokenType.StartObject,
        };
        if (!ok)
        {
            throw Error(reader.TokenStartIndex, $"\"{property}\" must be {Describe(expect)}", "see the strata.json reference in the documentation");
        }

        switch (expect)
        {
            case Expect.Any:
                reader.Skip();
                break;
            case Expect.Strings:
                CheckStrings(ref reader, property);
                break;
            case Expect.History:
                CheckObject(ref reader, HistoryProperties, property + ".");
                break;
            case Expect.Environment:
                CheckObject(ref reader, EnvironmentProperties, property + ".");
                break;
            case Expect.Environments:
                CheckEnvironments(ref reader, property);
                break;
        }
    }

    private void CheckEnvironments(ref Utf8JsonReader reader, string property)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            if (!IsEnvironmentName(name) || !seen.Add(name))
            {
                throw Error(reader.TokenStartIndex, $"environment name {Show(name)} in \"{property}\" is empty, repeated or not a name",
                    "use names of letters, digits, '-', '_' or '.', each once");
            }

            reader.Read();
            CheckValue(ref reader, Expect.Environment, property + "." + name);
        }
    }

    private void CheckStrings(ref Utf8JsonReader reader, string property)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw Error(reader.TokenStartIndex, $"\"{property}\" must be an array of strings", "write each entry in double quotes, e.g. [\"server *\"]");
            }
        }
    }

    /// <summary>True for a usable environment name: letters, digits, '-', '_', '.'.</summary>
    public static bool IsEnvironmentName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string Describe(Expect expect) => expect switch
    {
        Expect.String => "a string",
        Expect.StringOrNull => "a string or null",
        Expect.Number => "a number (seconds)",
        Expect.Boolean => "true or false",
        Expect.Strings => "an array of strings [ … ]",
        _ => "an object { … }",
    };

    private static string Show(string name) =>
        name.Length <= 64 && !name.Contains('@', StringComparison.Ordinal) && !name.Contains("://", StringComparison.Ordinal) && !name.Any(char.IsControl)
            ? "\"" + name + "\""
            : "(name not shown)";

    private static string Suggest(string name, IEnumerable<string> known)
    {
        var list = known.ToList();
        var best = list.OrderBy(k => Distance(name.ToUpperInvariant(), k.ToUpperInvariant())).First();
        var close = Distance(name.ToUpperInvariant(), best.ToUpperInvariant()) <= Math.Max(2, name.Length / 3);
        return (close ? $"did you mean \"{best}\"? " : $"the nearest known property is \"{best}\"; ") + "known properties here: " + string.Join(", ", list);
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private ConfigurationException Error(long index, string message, string hint)
    {
        var line = 1;
        long lineStart = 0;
        for (long i = 0; i < index; i++)
        {
            if (_bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = 1;
        for (var i = lineStart; i < index; i++)
        {
            column += (_bytes[i] & 0xC0) != 0x80 ? 1 : 0;
        }

        return new ConfigurationException($"{_path}:{line}:{column}: {message}", hint);
    }

    [GeneratedRegex("'[^']{1,3}'|'([^']{4,})'")]
    private static partial Regex QuotedFragment();
}
