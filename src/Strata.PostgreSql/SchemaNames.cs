using System.Text.RegularExpressions;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>Identifier quoting for generated DDL: plain lower-case names stay readable, anything else is double-quoted.</summary>
internal static partial class SchemaNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary", "both", "case", "cast",
        "check", "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date",
        "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
        "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group",
        "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left",
        "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order",
        "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select", "session_user", "similar", "some",
        "symmetric", "system_user", "table", "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using",
        "variadic", "verbose", "when", "where", "window", "with",
    };

    /// <summary>The identifier, quoted when it is not a plain lower-case name or is a reserved word.</summary>
    public static string Quote(string identifier) =>
        Plain().IsMatch(identifier) && !Reserved.Contains(identifier) ? identifier : SqlText.Quote(identifier);

    /// <summary><c>schema.name</c>, each part quoted as needed.</summary>
    public static string Quote(QualifiedName name) => name.Schema is null ? Quote(name.Name) : Quote(name.Schema) + "." + Quote(name.Name);

    [GeneratedRegex("^[a-z_][a-z0-9_$]*$")]
    private static partial Regex Plain();
}
