using System.Text.Json;
using Strata.Errors;

namespace Strata.Codegen;

/// <summary>Typed reads of a JSON configuration section; every failure names the file and the key path.</summary>
internal sealed class SectionReader(string file)
{
    public string File { get; } = file;

    /// <summary>Throws unless <paramref name="json"/> is an object whose keys are all in <paramref name="known"/>.</summary>
    public void Keys(JsonElement json, string at, IReadOnlyList<string> known)
    {
        Expect(json, JsonValueKind.Object, at, "an object { … }");
        foreach (var property in json.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                var close = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase) || Near(k, property.Name));
                throw new ConfigurationException(
                    $"{File}: unknown key \"{at}.{property.Name}\"",
                    (close is null ? "" : $"did you mean \"{close}\"? ") + $"\"{at}\" holds: " + string.Join(", ", known));
            }
        }
    }

    public string String(JsonElement value, string at)
    {
        Expect(value, JsonValueKind.String, at, "a string");
        var text = value.GetString()!;
        return text.Trim().Length > 0 ? text : throw new ConfigurationException($"{File}: \"{at}\" is empty", null);
    }

    public string? OptionalString(JsonElement json, string at, string key) =>
        json.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null ? String(value, $"{at}.{key}") : null;

    public bool? Boolean(JsonElement json, string at, string key)
    {
        if (!json.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ConfigurationException($"{File}: \"{at}.{key}\" must be true or false", null),
        };
    }

    public IReadOnlyList<string> Strings(JsonElement json, string at, string key)
    {
        if (!json.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        Expect(value, JsonValueKind.Array, $"{at}.{key}", "a list of strings [ \"public.*\" ]");
        return [.. value.EnumerateArray().Select((item, i) => String(item, $"{at}.{key}[{i}]"))];
    }

    public T Choice<T>(JsonElement json, string at, string key, T fallback, params (string Text, T Value)[] choices)
    {
        if (!json.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        foreach (var (choice, result) in choices)
        {
            if (string.Equals(choice, text, StringComparison.Ordinal))
            {
                return result;
            }
        }

        throw new ConfigurationException($"{File}: \"{at}.{key}\" must be {string.Join(" or ", choices.Select(c => "\"" + c.Text + "\""))}", null);
    }

    public IReadOnlyDictionary<string, T> Map<T>(JsonElement json, string at, string key, Func<JsonElement, string, T> read)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        if (!json.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        Expect(value, JsonValueKind.Object, $"{at}.{key}", "an object { … }");
        foreach (var property in value.EnumerateObject())
        {
            result[property.Name] = read(property.Value, $"{at}.{key}.{property.Name}");
        }

        return result;
    }

    private void Expect(JsonElement value, JsonValueKind kind, string at, string what)
    {
        if (value.ValueKind != kind)
        {
            throw new ConfigurationException($"{File}: \"{at}\" must be {what}", "see the codegen section of docs/codegen.md");
        }
    }

    private static bool Near(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return false;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length] <= 2;
    }
}
