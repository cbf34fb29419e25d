using System.Globalization;
using System.Text;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>The options of an identity column's sequence that differ from what PostgreSQL would choose, e.g. <c>START WITH 100 CACHE 5</c>.</summary>
internal static class IdentityOptions
{
    /// <summary>
    /// The non-default options from the sequence row <c>schema␟name␟start␟increment␟min␟max␟cache␟cycle</c>
    /// (<paramref name="sequence"/>), for a column of <paramref name="type"/>; null when all are the defaults.
    /// </summary>
    public static string? Of(string table, string column, string type, string? sequence)
    {
        if (sequence is null)
        {
            return null;
        }

        var p = sequence.Split(CatalogSql.Separator);
        var (start, increment, min, max, cache) = (Long(p[2]), Long(p[3]), Long(p[4]), Long(p[5]), Long(p[6]));
        var (typeMin, typeMax) = type switch
        {
            "smallint" => ((long)short.MinValue, (long)short.MaxValue),
            "integer" => (int.MinValue, int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        var ascending = increment > 0;
        var text = new StringBuilder();
        if (p[1] != $"{table}_{column}_seq")
        {
            text.Append(" SEQUENCE NAME ").Append(SchemaNames.Quote(new QualifiedName(p[0], p[1])));
        }

        Append(text, "START WITH", start, ascending ? min : max);
        Append(text, "INCREMENT BY", increment, 1);
        Append(text, "MINVALUE", min, ascending ? 1 : typeMin);
        Append(text, "MAXVALUE", max, ascending ? typeMax : -1);
        Append(text, "CACHE", cache, 1);
        if (p[7] is "true" or "True" or "t")
        {
            text.Append(" CYCLE");
        }

        return text.Length == 0 ? null : text.ToString(1, text.Length - 1);
    }

    private static void Append(StringBuilder text, string option, long value, long standard)
    {
        if (value != standard)
        {
            text.Append(' ').Append(option).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);
}
