using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Strata.Studio;

/// <summary>
/// Writes exported rows to the response as they are read (nothing is held but the current row): CSV (RFC 4180, a header
/// row, NULL as an empty field and an empty string as <c>""</c>) or JSON (an array of objects; numbers, booleans and json
/// values as themselves, everything else as strings, NULL as null).
/// </summary>
internal sealed partial class ExportWriter : IAsyncDisposable
{
    private readonly IReadOnlyList<ColumnShape> _columns;
    private readonly Utf8JsonWriter? _json;
    private readonly StreamWriter? _csv;

    private ExportWriter(IReadOnlyList<ColumnShape> columns, Utf8JsonWriter? json, StreamWriter? csv)
    {
        _columns = columns;
        _json = json;
        _csv = csv;
    }

    public static ExportWriter Start(string format, Stream body, IReadOnlyList<ColumnShape> columns)
    {
        if (format == "json")
        {
            var json = new Utf8JsonWriter(body);
            json.WriteStartArray();
            return new ExportWriter(columns, json, null);
        }

        var csv = new StreamWriter(body, new UTF8Encoding(false), 65_536) { NewLine = "\r\n" };
        csv.WriteLine(string.Join(",", columns.Select(c => Quote(c.Name))));
        return new ExportWriter(columns, null, csv);
    }

    /// <summary>The file extension and media type of a format ("csv" or "json"), or a 400 for anything else.</summary>
    /// <summary>
    /// Writes every row of <paramref name="reader"/> (the columns' text from <paramref name="prefix"/> on, one per
    /// column of <paramref name="columns"/>) to <paramref name="body"/> in <paramref name="format"/>, streamed.
    /// </summary>
    public static async Task CopyAsync(System.Data.Common.DbDataReader reader, int prefix, string format, Stream body, IReadOnlyList<ColumnShape> columns, CancellationToken ct)
    {
        await using var export = Start(format, body, columns);
        var values = new string?[columns.Count];
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(prefix + i) ? null : reader.GetString(prefix + i);
            }

            await export.RowAsync(values, ct);
        }
    }

    public static (string Extension, string MediaType) Format(string? format) => format switch
    {
        "csv" => ("csv", "text/csv; charset=utf-8"),
        "json" => ("json", "application/json; charset=utf-8"),
        _ => throw new StudioRequestException("export as csv or json"),
    };

    public async Task RowAsync(string?[] values, CancellationToken ct)
    {
        if (_csv is not null)
        {
            await _csv.WriteLineAsync(string.Join(",", values.Select(v => v is null ? "" : Quote(v))).AsMemory(), ct);
            return;
        }

        var json = _json!;
        json.WriteStartObject();
        for (var i = 0; i < values.Length; i++)
        {
            json.WritePropertyName(_columns[i].Name);
            WriteValue(json, _columns[i], values[i]);
        }

        json.WriteEndObject();
        if (json.BytesPending > 65_536)
        {
            await json.FlushAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_json is not null)
        {
            _json.WriteEndArray();
            await _json.FlushAsync();
            await _json.DisposeAsync();
        }

        if (_csv is not null)
        {
            await _csv.DisposeAsync();
        }
    }

    private static void WriteValue(Utf8JsonWriter json, ColumnShape column, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else if (column.Class == ValueClass.Number && JsonNumber().IsMatch(value))
        {
            json.WriteRawValue(value, skipInputValidation: true);
        }
        else if (column.Class == ValueClass.Boolean && value is "true" or "false")
        {
            json.WriteBooleanValue(value == "true");
        }
        else if (column.Class == ValueClass.Json && IsJson(value))
        {
            json.WriteRawValue(value, skipInputValidation: true);
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private static bool IsJson(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Quote(string value) =>
        value.Length == 0 || value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] == ' ' || value[^1] == ' '
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
