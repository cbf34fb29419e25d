using System.Text.Json;

namespace Strata.Studio;

/// <summary>Writes a <see cref="Grid"/> as JSON with a plain writer (no reflection; a cell is null, a string, or an object).</summary>
internal static class GridWriter
{
    public static async Task WriteAsync(Stream body, Grid grid, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteStartArray("columns");
        foreach (var column in grid.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", column.Type);
            json.WriteBoolean("key", column.Key);
            WriteShape(json, column);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var row in grid.Rows)
        {
            json.WriteStartArray();
            foreach (var cell in row)
            {
                WriteCell(json, cell);
            }

            json.WriteEndArray();
            if (json.BytesPending > 32_768)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        if (grid.RowKeys.Count > 0)
        {
            json.WriteStartArray("rowKeys");
            foreach (var key in grid.RowKeys)
            {
                WriteStrings(json, key);
            }

            json.WriteEndArray();
        }

        WriteTail(json, grid);
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void WriteShape(Utf8JsonWriter json, GridColumn column)
    {
        if (column.Class is { } kind)
        {
            json.WriteString("class", kind.ToString().ToLowerInvariant());
            json.WriteBoolean("sortable", column.Sortable);
        }

        if (column.Values is { } values)
        {
            json.WritePropertyName("values");
            WriteStrings(json, values);
        }

        if (column.References is { } reference)
        {
            json.WriteStartObject("references");
            json.WriteString("schema", reference.Schema);
            json.WriteString("table", reference.Table);
            json.WriteString("column", reference.Column);
            json.WriteEndObject();
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, IEnumerable<string?> values)
    {
        json.WriteStartArray();
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteCell(Utf8JsonWriter json, Cell cell)
    {
        if (cell.IsNull)
        {
            json.WriteNullValue();
        }
        else if (cell.Bytes >= 0)
        {
            json.WriteStartObject();
            json.WriteNumber("bytes", cell.Bytes);
            json.WriteEndObject();
        }
        else if (cell.Truncated)
        {
            json.WriteStartObject();
            json.WriteString("text", cell.Text);
            json.WriteBoolean("truncated", true);
            json.WriteEndObject();
        }
        else
        {
            json.WriteStringValue(cell.Text);
        }
    }

    private static void WriteTail(Utf8JsonWriter json, Grid grid)
    {
        if (grid.Paging is not null)
        {
            json.WriteString("paging", grid.Paging);
        }

        if (grid.Next is not null)
        {
            json.WritePropertyName("next");
            WriteStrings(json, grid.Next);
        }

        if (grid.NextOffset is { } offset)
        {
            json.WriteNumber("nextOffset", offset);
        }

        if (grid.Affected is { } affected)
        {
            json.WriteNumber("affected", affected);
        }

        json.WriteBoolean("more", grid.More);
        json.WriteBoolean("readOnly", grid.ReadOnly);
    }
}
