using System.Text;
using Strata.Schema;

namespace Strata.Codegen;

/// <summary>
/// A PostgreSQL type as <c>format_type</c> prints it, taken apart: the name without modifiers
/// (<c>character varying</c>, <c>timestamp with time zone</c>, <c>app.status</c>), the modifiers (<c>80</c>,
/// <c>12,2</c>) and whether it is an array. Quoted names are unquoted (except the internal <c>"char"</c>, kept apart from <c>char</c>, an alias of <c>character</c>); the schema is set only when printed.
/// </summary>
internal readonly record struct PgTypeName(QualifiedName Qualified, string? Modifiers, bool IsArray)
{
    /// <summary>The name without schema and modifiers, e.g. <c>timestamp with time zone</c>.</summary>
    public string Name => Qualified.Name;

    public static PgTypeName Parse(string text)
    {
        var type = text.Trim();
        var isArray = false;
        while (type.EndsWith("[]", StringComparison.Ordinal))
        {
            isArray = true;
            type = type[..^2].TrimEnd();
        }

        if (type == "\"char\"")
        {
            return new PgTypeName(new QualifiedName(null, type), null, isArray);
        }

        var name = new StringBuilder();
        var modifiers = (string?)null;
        string? schema = null;
        var i = 0;
        while (i < type.Length)
        {
            var c = type[i];
            if (c == '"')
            {
                var end = i + 1;
                while (end < type.Length && !(type[end] == '"' && !(end + 1 < type.Length && type[end + 1] == '"')))
                {
                    name.Append(type[end]);
                    end += type[end] == '"' ? 2 : 1;
                }

                i = end + 1;
            }
            else if (c == '(')
            {
                var close = type.IndexOf(')', i);
                close = close < 0 ? type.Length : close;
                modifiers = type[(i + 1)..close];
                i = close + 1;
            }
            else if (c == '.' && schema is null)
            {
                schema = name.ToString();
                name.Clear();
                i++;
            }
            else
            {
                name.Append(c);
                i++;
            }
        }

        var collapsed = string.Join(' ', name.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return new PgTypeName(new QualifiedName(schema, collapsed), modifiers, isArray);
    }
}
