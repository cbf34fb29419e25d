using System.Globalization;
using System.Text;

namespace Strata.PostgreSql;

/// <summary>The one quoter for identifiers and the literal renderer used for dry-run output.</summary>
internal static class SqlText
{
    /// <summary>A double-quoted identifier with inner double quotes doubled: <c>x"y</c> → <c>"x""y"</c>.</summary>
    public static string Quote(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// A string literal that reads the same whatever <c>standard_conforming_strings</c> is: plain
    /// <c>'it''s'</c>, or <c>E'a\\b'</c> when the text holds a backslash.
    /// </summary>
    public static string Literal(string? text)
    {
        if (text is null)
        {
            return "NULL";
        }

        var quoted = text.Replace("'", "''", StringComparison.Ordinal);
        return text.Contains('\\', StringComparison.Ordinal)
            ? "E'" + quoted.Replace("\\", "\\\\", StringComparison.Ordinal) + "'"
            : "'" + quoted + "'";
    }

    /// <summary>A number literal or NULL.</summary>
    public static string Literal(long? value) =>
        value is { } number ? number.ToString(CultureInfo.InvariantCulture) : "NULL";

    /// <summary>A <c>timestamptz</c> literal in UTC with microseconds.</summary>
    public static string Literal(DateTimeOffset value) =>
        "'" + value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00'::timestamptz";

    /// <summary>Renders <paramref name="value"/> as a literal (text, integer, timestamp or NULL).</summary>
    public static string Literal(object? value) => value switch
    {
        null or DBNull => "NULL",
        string text => Literal(text),
        long number => Literal((long?)number),
        int number => Literal((long?)number),
        DateTimeOffset at => Literal(at),
        _ => throw new ArgumentException($"no literal form for {value.GetType().Name}", nameof(value)),
    };

    /// <summary>Replaces the placeholders <c>$1</c>…<c>$n</c> of our own SQL (which never holds them elsewhere) with literals.</summary>
    public static string Inline(string sql, IReadOnlyList<object?> values)
    {
        var result = new StringBuilder(sql.Length + 64);
        for (var i = 0; i < sql.Length; i++)
        {
            if (sql[i] == '$' && i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1]))
            {
                var end = i + 1;
                while (end < sql.Length && char.IsAsciiDigit(sql[end]))
                {
                    end++;
                }

                var index = int.Parse(sql.AsSpan(i + 1, end - i - 1), CultureInfo.InvariantCulture);
                result.Append(Literal(values[index - 1]));
                i = end - 1;
            }
            else
            {
                result.Append(sql[i]);
            }
        }

        return result.ToString();
    }
}
