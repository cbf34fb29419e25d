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
        WriteTail(json, grid);
        json.WriteEndObject();
        await json.FlushAsync(ct);
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
            json.WriteStartArray("next");
            foreach (var value in grid.Next)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
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
