using System.Globalization;

namespace Strata.Planning;

/// <summary>
/// Reads timestamp versions as dates for messages: 14 digits as <c>yyyyMMddHHmmss</c> (dbmate, goose, Knex), 17 as
/// <c>yyyyMMddHHmmssfff</c> (node-pg-migrate), 12 as <c>yyyyMMddHHmm</c>, 8 as <c>yyyyMMdd</c>. Versions compare as
/// numbers, so a 14-digit version among 17-digit ones sorts before all of them whatever its date: messages say the
/// dates so the reader sees why.
/// </summary>
internal static class VersionDates
{
    private static readonly string[] Formats = ["yyyyMMdd", "", "", "", "yyyyMMddHHmm", "", "yyyyMMddHHmmss", "", "", "yyyyMMddHHmmssfff"];

    /// <summary>The date <paramref name="version"/> spells (e.g. <c>2026-12-06 12:00:00</c>), or null when it is not a timestamp.</summary>
    public static string? Date(long version)
    {
        var digits = version.ToString(CultureInfo.InvariantCulture);
        var index = digits.Length - 8;
        if (index < 0 || index >= Formats.Length || Formats[index].Length == 0
            || !DateTime.TryParseExact(digits, Formats[index], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date.Year < 1990 || date.Year > 2200)
        {
            return null;
        }

        return date.ToString(digits.Length == 8 ? "yyyy-MM-dd" : digits.Length == 12 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="version"/> with its date in brackets when it is a timestamp: <c>20261206120000 (2026-12-06 12:00:00)</c>.</summary>
    public static string Describe(long version) =>
        version.ToString(CultureInfo.InvariantCulture) + (Date(version) is { } date ? $" ({date})" : "");

    /// <summary>
    /// The out-of-order detail for <paramref name="version"/> below <paramref name="newest"/>: says the dates, and when
    /// the widths differ, that the version sorts first only because it has fewer digits.
    /// </summary>
    public static string OlderThan(long version, long newest)
    {
        var text = $"older than the newest applied version {Describe(newest)}";
        var (a, b) = (Digits(version), Digits(newest));
        if (a < b && Date(version) is { } mine && Date(newest) is { } theirs && string.CompareOrdinal(mine, theirs) > 0)
        {
            text += $": its date {mine} is later, but it has {a} digits where the applied versions have {b}, and versions compare as numbers; "
                + $"rename it with a {b}-digit version (strata new picks one)";
        }

        return text;
    }

    /// <summary>How many digits <paramref name="version"/> has.</summary>
    public static int Digits(long version) => version.ToString(CultureInfo.InvariantCulture).Length;
}
