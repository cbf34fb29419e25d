using System.Data.Common;

namespace Strata.Studio;

/// <summary>Reads a console statement's result into a <see cref="Grid"/>, stopping after the most rows the page gets.</summary>
internal static class ResultReader
{
    public static async Task ReadAsync(DbDataReader reader, Grid grid, int maxRows, Action stop, CancellationToken ct)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            grid.Columns.Add(new GridColumn(reader.GetName(i), reader.GetDataTypeName(i)));
        }

        while (await reader.ReadAsync(ct))
        {
            if (grid.Rows.Count == maxRows)
            {
                // The rest is not read: the statement is cancelled rather than streamed to the end.
                grid.More = true;
                stop();
                return;
            }

            var row = new Cell[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Read(reader, i);
            }

            grid.Rows.Add(row);
        }
    }

    private static Cell Read(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return Cell.Null;
        }

        try
        {
            return ValueText.Format(reader.GetValue(ordinal));
        }
        catch (Exception e) when (e is InvalidCastException or NotSupportedException or OverflowException)
        {
            // A type the driver cannot map (or a value out of .NET's range, such as PostgreSQL's infinite dates): its text.
            return Cell.Of(reader.GetFieldValue<string>(ordinal));
        }
    }
}
