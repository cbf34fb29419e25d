using System.Globalization;
using Strata.Errors;

namespace Strata.Cli.Infrastructure;

/// <summary>Reads sizes such as <c>300MB</c>, <c>64 KiB</c> or <c>1048576</c> (units are powers of 1024) for <c>--max-file-size</c>.</summary>
internal static class ByteSize
{
    private static readonly (string Unit, long Factor)[] Units =
    [
        ("gib", 1L << 30), ("gb", 1L << 30), ("g", 1L << 30),
        ("mib", 1L << 20), ("mb", 1L << 20), ("m", 1L << 20),
        ("kib", 1L << 10), ("kb", 1L << 10), ("k", 1L << 10),
        ("bytes", 1), ("b", 1),
    ];

    /// <summary>The number of bytes <paramref name="text"/> stands for; throws a bad-input error naming <paramref name="option"/> when it is not a size.</summary>
    public static long Parse(string text, string option)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        var (unit, factor) = Units.FirstOrDefault(u => trimmed.EndsWith(u.Unit, StringComparison.Ordinal));
        var number = unit is null ? trimmed : trimmed[..^unit.Length].TrimEnd();
        if (decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            var bytes = value * (unit is null ? 1 : factor);
            if (bytes is >= 1 and <= long.MaxValue)
            {
                return (long)bytes;
            }
        }

        throw new StrataException(ErrorCategory.BadInput, $"{option} must be a size such as 300MB, 64KiB or 1048576 (bytes), more than 0 (got '{text}')");
    }
}
