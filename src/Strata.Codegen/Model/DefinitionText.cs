using System.Text;
using Strata.Schema;

namespace Strata.Codegen.Model;

/// <summary>
/// Reads the pieces code generation needs out of the canonical definitions in the schema model: the column lists of
/// keys, the target of a foreign key, enum labels (SQL literals) and a domain's base type.
/// </summary>
internal static class DefinitionText
{
    /// <summary>The identifiers of the first parenthesised list after <paramref name="keyword"/>, unquoted.</summary>
    public static IReadOnlyList<string> ColumnsAfter(string definition, string keyword)
    {
        var at = definition.IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
        var open = at < 0 ? -1 : definition.IndexOf('(', at + keyword.Length);
        return open < 0 ? [] : IdentifierList(definition, open, out _);
    }

    /// <summary>The referenced columns of a <c>FOREIGN KEY (…) REFERENCES target (…)</c> definition; empty when it names none.</summary>
    public static IReadOnlyList<string> ReferencedColumns(string definition)
    {
        var at = definition.IndexOf("REFERENCES", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return [];
        }

        var i = SkipSpace(definition, at + "REFERENCES".Length);
        while (i < definition.Length)
        {
            if (definition[i] is '"' or '`' or '[')
            {
                var close = definition[i] == '[' ? ']' : definition[i];
                i++;
                while (i < definition.Length && !(definition[i] == close && !(i + 1 < definition.Length && definition[i + 1] == close && close != ']')))
                {
                    i += definition[i] == close ? 2 : 1;
                }

                i++;
            }
            else
            {
                while (i < definition.Length && (char.IsLetterOrDigit(definition[i]) || definition[i] is '_' or '$'))
                {
                    i++;
                }
            }

            if (i < definition.Length && definition[i] == '.')
            {
                i++;
                continue;
            }

            break;
        }

        i = SkipSpace(definition, i);
        return i < definition.Length && definition[i] == '(' ? IdentifierList(definition, i, out _) : [];
    }

    /// <summary>The labels of an enum definition: SQL string literals separated by commas (<c>'a', 'it''s', E'back\\slash'</c>).</summary>
    public static IReadOnlyList<string> Literals(string definition)
    {
        var labels = new List<string>();
        var i = 0;
        while (i < definition.Length)
        {
            var escaped = false;
            if (definition[i] is 'E' or 'e' && i + 1 < definition.Length && definition[i + 1] == '\'')
            {
                escaped = true;
                i++;
            }

            if (definition[i] != '\'')
            {
                i++;
                continue;
            }

            var text = new StringBuilder();
            i++;
            while (i < definition.Length)
            {
                var c = definition[i];
                if (escaped && c == '\\' && i + 1 < definition.Length)
                {
                    text.Append(definition[i + 1]);
                    i += 2;
                }
                else if (c == '\'' && i + 1 < definition.Length && definition[i + 1] == '\'')
                {
                    text.Append('\'');
                    i += 2;
                }
                else if (c == '\'')
                {
                    i++;
                    break;
                }
                else
                {
                    text.Append(c);
                    i++;
                }
            }

            labels.Add(text.ToString());
        }

        return labels;
    }

    /// <summary>A domain's base type: its definition up to the first COLLATE, DEFAULT, NOT NULL, NULL, CONSTRAINT or CHECK.</summary>
    public static string DomainBase(string definition)
    {
        var end = definition.Length;
        foreach (var marker in new[] { " COLLATE ", " DEFAULT ", " NOT NULL", " NULL", " CONSTRAINT ", " CHECK " })
        {
            var at = definition.IndexOf(marker, StringComparison.Ordinal);
            end = at >= 0 && at < end ? at : end;
        }

        return definition[..end].Trim();
    }

    /// <summary>
    /// A range type's subtype and its multirange's name, from the engine's <c>subtype = …, …, multirange_type_name = …</c>
    /// (the multirange option only when not PostgreSQL's default name: <c>range</c> replaced by <c>multirange</c> in
    /// the range's name, else <c>_multirange</c> appended, in the range's schema).
    /// </summary>
    public static (string Subtype, QualifiedName Multirange) RangeParts(QualifiedName range, string definition)
    {
        var options = System.Text.RegularExpressions.Regex.Matches(definition, @"(?:^|, )([a-z_]+) = ((?:(?!, [a-z_]+ = ).)+)")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        var subtype = options.GetValueOrDefault("subtype") ?? definition;
        if (options.TryGetValue("multirange_type_name", out var given))
        {
            var parsed = PgTypeName.Parse(given).Qualified;
            return (subtype, parsed.Schema is null ? new QualifiedName(range.Schema, parsed.Name) : parsed);
        }

        var at = range.Name.IndexOf("range", StringComparison.Ordinal);
        var name = at < 0 ? range.Name + "_multirange" : range.Name[..at] + "multirange" + range.Name[(at + "range".Length)..];
        return (subtype, new QualifiedName(range.Schema, name));
    }

    /// <summary>Reads <c>(a, "b c", d)</c> starting at the opening parenthesis; <paramref name="end"/> is just past the closing one.</summary>
    public static IReadOnlyList<string> IdentifierList(string text, int open, out int end)
    {
        var names = new List<string>();
        var current = new StringBuilder();
        var i = open + 1;
        while (i < text.Length && text[i] != ')')
        {
            var c = text[i];
            if (c == '"' || c == '`' || c == '[')
            {
                var close = c == '[' ? ']' : c;
                i++;
                while (i < text.Length && !(text[i] == close && !(i + 1 < text.Length && text[i + 1] == close && close != ']')))
                {
                    current.Append(text[i]);
                    i += text[i] == close ? 2 : 1;
                }
            }
            else if (c == ',')
            {
                names.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }

            i++;
        }

        if (current.ToString().Trim() is { Length: > 0 } last)
        {
            names.Add(last);
        }

        end = Math.Min(i + 1, text.Length);
        return names;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
