using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>In-place changes of types that tables may use, so they need not be dropped: enum labels, composite attributes.</summary>
internal static class TypeDdl
{
    /// <summary><c>ALTER TYPE … ADD VALUE</c> for labels added at the end; null when labels were removed or reordered.</summary>
    public static List<string>? AddedLabels(SchemaObject before, SchemaObject after)
    {
        if (!after.Definition.StartsWith(before.Definition + ", ", StringComparison.Ordinal))
        {
            return null;
        }

        var labels = Split(after.Definition[(before.Definition.Length + 2)..]);
        return [.. labels.Select(l => $"ALTER TYPE {SchemaNames.Quote(after.Name)} ADD VALUE {l}")];
    }

    /// <summary>
    /// <c>ALTER TYPE … DROP/ALTER/ADD ATTRIBUTE</c> when the attributes kept stay in order and new ones come last; null otherwise.
    /// </summary>
    public static List<string>? AlterAttributes(SchemaObject before, SchemaObject after)
    {
        var old = Split(before.Definition).Select(Attribute).ToList();
        var now = Split(after.Definition).Select(Attribute).ToList();
        var kept = old.Where(o => now.Any(n => n.Name == o.Name)).Select(o => o.Name).ToList();
        if (!now.Take(kept.Count).Select(n => n.Name).SequenceEqual(kept, StringComparer.Ordinal))
        {
            return null;
        }

        var name = SchemaNames.Quote(after.Name);
        var statements = old.Where(o => !kept.Contains(o.Name)).Select(o => $"ALTER TYPE {name} DROP ATTRIBUTE {o.Name}").ToList();
        foreach (var attribute in now)
        {
            var previous = old.FirstOrDefault(o => o.Name == attribute.Name);
            if (previous.Name is null)
            {
                statements.Add($"ALTER TYPE {name} ADD ATTRIBUTE {attribute.Name} {attribute.Type}");
            }
            else if (previous.Type != attribute.Type)
            {
                statements.Add($"ALTER TYPE {name} ALTER ATTRIBUTE {attribute.Name} TYPE {attribute.Type}");
            }
        }

        return statements;
    }

    /// <summary>An attribute <c>name type [COLLATE c]</c> split at the first space outside double quotes.</summary>
    private static (string Name, string Type) Attribute(string text)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            quoted ^= text[i] == '"';
            if (!quoted && text[i] == ' ')
            {
                return (text[..i], text[(i + 1)..]);
            }
        }

        return (text, "");
    }

    /// <summary>Splits a list at commas outside quotes and parentheses.</summary>
    private static List<string> Split(string list)
    {
        var parts = new List<string>();
        var (depth, start, single, identifier) = (0, 0, false, false);
        for (var i = 0; i < list.Length; i++)
        {
            var c = list[i];
            single ^= c == '\'' && !identifier;
            identifier ^= c == '"' && !single;
            if (single || identifier)
            {
                continue;
            }

            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0)
            {
                parts.Add(list[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(list[start..].Trim());
        return parts.Where(p => p.Length > 0).ToList();
    }
}
