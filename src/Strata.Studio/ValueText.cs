using System.Collections;
using System.Globalization;

namespace Strata.Studio;

/// <summary>A value read from a driver as the page shows it: invariant culture, ISO dates, binary as its size.</summary>
internal static class ValueText
{
    public static Cell Format(object? value) => value switch
    {
        null or DBNull => Cell.Null,
        byte[] bytes => new Cell(null, bytes.LongLength),
        string text => Cell.Of(text),
        bool flag => new Cell(flag ? "true" : "false"),
        DateTime time => new Cell(time.ToString("o", CultureInfo.InvariantCulture)),
        DateTimeOffset time => new Cell(time.ToString("o", CultureInfo.InvariantCulture)),
        IFormattable formattable => Cell.Of(formattable.ToString(null, CultureInfo.InvariantCulture)),
        IEnumerable items => Cell.Of("{" + string.Join(",", items.Cast<object?>().Select(i => Format(i).Text ?? "NULL")) + "}"),
        _ => Cell.Of(value.ToString()),
    };
}
