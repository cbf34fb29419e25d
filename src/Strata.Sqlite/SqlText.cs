using System.Globalization;
using System.Text;

namespace Strata.Sqlite;

/// <summary>Quoting for SQLite: identifiers in double quotes, literals for dry-run rendering only.</summary>
internal static class SqlText
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string Literal(object? value) => value switch
    {
        null => "NULL",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => "'" + Convert.ToString(value, CultureInfo.InvariantCulture)!.Replace("'", "''", StringComparison.Ordinal) + "'",
    };

    /// <summary>Replaces each <c>@name</c> parameter of <paramref name="sql"/> by its literal value.</summary>
    public static string Inline(string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters)
    {
        var text = new StringBuilder(sql);
        foreach (var (name, value) in parameters.OrderByDescending(p => p.Key.Length))
        {
            text.Replace("@" + name, Literal(value));
        }

        return text.ToString();
    }
}
