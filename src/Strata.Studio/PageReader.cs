using System.Data.Common;

namespace Strata.Studio;

/// <summary>Reads one page of a <see cref="TableQuery"/> into a grid: the prefix (sort value, keys), then the cells; notes where the next page starts.</summary>
internal static class PageReader
{
    public static async Task<Grid> ReadAsync(DbDataReader reader, TableShape shape, TableQuery query, int pageSize, long offset, Func<DbDataReader, int, int, Cell> cell, CancellationToken ct)
    {
        var grid = new Grid { Paging = shape.Paging };
        grid.Columns.AddRange(shape.Columns.Select(c => c.ToGrid()));
        var prefix = query.Prefix;
        string?[]? last = null;
        while (await reader.ReadAsync(ct))
        {
            if (grid.Rows.Count == pageSize)
            {
                grid.Next = shape.Keyed ? last : null;
                grid.NextOffset = shape.Keyed ? null : offset + pageSize;
                break;
            }

            last = Enumerable.Range(0, prefix).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray();
            grid.RowKeys.Add(last[(prefix - shape.Keys.Count)..]);
            grid.Rows.Add(shape.Columns.Select((_, i) => cell(reader, prefix, i)).ToArray());
        }

        return grid;
    }
}
