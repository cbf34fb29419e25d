using System.Globalization;

namespace Strata.Bench.Report;

/// <summary>How times and ratios read in the results file.</summary>
internal static class Format
{
    public static string Time(TimeSpan value) => value.TotalSeconds >= 1
        ? value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"
        : value.TotalMilliseconds.ToString(value.TotalMilliseconds >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Range(Measurement m) => m.Samples.Count switch
    {
        0 => "",
        1 => "1 run",
        _ => $"{Time(m.Min)} – {Time(m.Max)}",
    };

    public static string Median(Measurement m) => m.HasValue ? Time(m.Median) : m.NotMeasured ?? "not measured";

    public static string Ratio(Measurement m, Measurement? baseline) =>
        m.HasValue && baseline is { HasValue: true } && baseline.Median > TimeSpan.Zero
            ? Ratio(m.Median / baseline.Median)
            : "";

    public static string Ratio(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Megabytes(long kilobytes) => (kilobytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
