using System.Globalization;

namespace Strata.Lint;

/// <summary>Durations in measured lint's messages, as the CLI's progress prints them: <c>120 ms</c>, <c>12.3 s</c> from ten seconds on.</summary>
internal static class Durations
{
    public static string Milliseconds(TimeSpan t) =>
        t.TotalSeconds >= 10
            ? t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
            : ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
}
