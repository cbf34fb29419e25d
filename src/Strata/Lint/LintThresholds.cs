using System.Globalization;

namespace Strata.Lint;

/// <summary>
/// How <c>strata lint --against</c> weighs a finding about a table that a migration rewrites or scans under a
/// blocking lock, by the target's row count and size: below <see cref="SmallRows"/> rows and <see cref="SmallBytes"/>
/// it is a note, at or above <see cref="LargeRows"/> rows or <see cref="LargeBytes"/> an error, a warning in between.
/// Read from strata.json's <c>lint.small</c> and <c>lint.large</c> by <see cref="LintSettings.Thresholds"/>.
/// </summary>
/// <param name="SmallRows">Tables with fewer rows (and fewer bytes than <paramref name="SmallBytes"/>) are small.</param>
/// <param name="SmallBytes">Tables smaller than this (and with fewer rows than <paramref name="SmallRows"/>) are small.</param>
/// <param name="LargeRows">Tables with at least this many rows are large.</param>
/// <param name="LargeBytes">Tables of at least this size (table, indexes and TOAST) are large.</param>
public sealed record LintThresholds(long SmallRows, long SmallBytes, long LargeRows, long LargeBytes)
{
    /// <summary>The defaults: small below 10,000 rows and 10 MB, large from 1,000,000 rows or 1 GB.</summary>
    public static LintThresholds Default { get; } = new(10_000, 10L << 20, 1_000_000, 1L << 30);

    /// <summary>The severity of a finding about a table of <paramref name="rows"/> rows and <paramref name="bytes"/> bytes.</summary>
    public LintSeverity Weigh(long rows, long bytes) =>
        rows >= LargeRows || bytes >= LargeBytes ? LintSeverity.Error
        : rows < SmallRows && bytes < SmallBytes ? LintSeverity.Note
        : LintSeverity.Warning;

    /// <summary>A size for people: <c>512 bytes</c>, <c>48 kB</c>, <c>12.5 MB</c>, <c>1.4 GB</c> (powers of 1024).</summary>
    public static string FormatBytes(long bytes)
    {
        string[] units = ["kB", "MB", "GB", "TB"];
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");
        }

        var value = (double)bytes;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(value < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
