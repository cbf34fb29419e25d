using System.Globalization;
using Strata.Schema;

namespace Strata.Cli.Output;

/// <summary>
/// What a schema holds, in words: <c>2 tables, 2 primary keys, 1 foreign key</c> — the kinds by count, largest first,
/// so a pull of two SQLite tables does not read "3 other object(s)" about keys the file shows inside the tables.
/// </summary>
internal static class SchemaCounts
{
    public static string Describe(DatabaseSchema schema)
    {
        var parts = new List<string> { Count(schema.Tables.Count, "table") };
        parts.AddRange(schema.Objects
            .GroupBy(o => o.Kind)
            .Select(g => (Count: g.Count(), Noun: ObjectKindNames.Noun(g.Key)))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Noun, StringComparer.Ordinal)
            .Select(g => Count(g.Count, g.Noun)));
        return string.Join(", ", parts);
    }

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : Plural(noun));

    private static string Plural(string noun) =>
        noun.EndsWith('s') ? noun
        : noun.EndsWith('y') && !noun.EndsWith("ey", StringComparison.Ordinal) ? noun[..^1] + "ies"
        : noun.EndsWith('x') ? noun + "es"
        : noun + "s";
}
