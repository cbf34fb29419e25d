using System.Globalization;
using System.Text.RegularExpressions;

namespace Strata.PostgreSql;

/// <summary>Which PostgreSQL type changes cannot lose data (everything else is classified as narrowing).</summary>
internal static partial class TypeWidening
{
    private static readonly string[] Integers = ["smallint", "integer", "bigint"];

    public static bool IsWidening(string from, string to)
    {
        if (from == to)
        {
            return true;
        }

        var fromInt = Array.IndexOf(Integers, from);
        var toInt = Array.IndexOf(Integers, to);
        if (fromInt >= 0 && (toInt > fromInt || to is "numeric" || (to.StartsWith("numeric(", StringComparison.Ordinal) && NumericFits(from, to))))
        {
            return true;
        }

        if (from == "real" && to == "double precision")
        {
            return true;
        }

        if (from.StartsWith("character", StringComparison.Ordinal) && (to is "text" or "character varying"))
        {
            return true;
        }

        if (Length(from, "character varying") is { } fromLength && Length(to, "character varying") is { } toLength)
        {
            return toLength >= fromLength;
        }

        if (from.StartsWith("numeric", StringComparison.Ordinal) && to == "numeric")
        {
            return true;
        }

        return Precision(from) is { } a && Precision(to) is { } b && b.Scale >= a.Scale && b.Precision - b.Scale >= a.Precision - a.Scale;
    }

    private static bool NumericFits(string integer, string to)
    {
        var digits = integer switch { "smallint" => 5, "integer" => 10, _ => 19 };
        return Precision(to) is { } p && p.Precision - p.Scale >= digits;
    }

    private static int? Length(string type, string name)
    {
        var match = Sized().Match(type);
        return match.Success && match.Groups[1].Value == name ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : null;
    }

    private static (int Precision, int Scale)? Precision(string type)
    {
        var match = Numeric().Match(type);
        if (!match.Success)
        {
            return null;
        }

        var scale = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), scale);
    }

    [GeneratedRegex(@"^([a-z ]+)\((\d+)\)$")]
    private static partial Regex Sized();

    [GeneratedRegex(@"^numeric\((\d+)(?:,(\d+))?\)$")]
    private static partial Regex Numeric();
}
