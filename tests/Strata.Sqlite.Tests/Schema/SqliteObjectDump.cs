using System.Text;
using Microsoft.Data.Sqlite;

namespace Strata.Sqlite.Tests.Schema;

/// <summary>
/// SQLite's counterpart of pg_dump split per object: each object of <c>sqlite_schema</c> as its text, except
/// ordinary tables, which Strata writes in its own layout, described instead by what SQLite reports of them (columns,
/// keys, unique indexes, WITHOUT ROWID, STRICT); shadow tables of virtual tables by name. Sorted, for comparing two
/// databases object by object.
/// </summary>
internal static class SqliteObjectDump
{
    public static async Task<IReadOnlyList<string>> TakeAsync(SqliteConnection connection)
    {
        var entries = new List<string>();
        foreach (var row in await RowsAsync(connection, """
            SELECT m.type, m.name, m.tbl_name, coalesce(m.sql, ''), coalesce(t.type, ''), coalesce(t.wr, 0), coalesce(t.strict, 0)
            FROM sqlite_schema m LEFT JOIN pragma_table_list t ON t.name = m.name AND t.schema = 'main'
            WHERE m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
            """))
        {
            var (type, name, kind) = (row[0], row[1], row[4]);
            entries.Add(kind switch
            {
                "shadow" => $"shadow table {name}",
                "table" => await TableAsync(connection, name, row[5], row[6]),
                _ => $"{type} {name} on {row[2]}\n{row[3]}",
            });
        }

        return [.. entries.Order(StringComparer.Ordinal)];
    }

    private static async Task<string> TableAsync(SqliteConnection connection, string name, string withoutRowid, string strict)
    {
        var text = new StringBuilder($"table {name} without rowid={withoutRowid} strict={strict}\n");
        var quoted = name.Replace("'", "''", StringComparison.Ordinal);
        foreach (var query in new[]
        {
            $"SELECT cid, name, type, \"notnull\", coalesce(dflt_value, 'NULL'), pk, hidden FROM pragma_table_xinfo('{quoted}') ORDER BY cid",
            $"SELECT id, seq, \"table\", \"from\", coalesce(\"to\", ''), on_update, on_delete, \"match\" FROM pragma_foreign_key_list('{quoted}') ORDER BY id, seq",
            $"SELECT l.\"unique\", l.origin, l.partial, group_concat(i.name, ',') FROM pragma_index_list('{quoted}') l JOIN pragma_index_info(l.name) i WHERE l.origin <> 'c' GROUP BY l.name ORDER BY 4, 2",
        })
        {
            foreach (var row in await RowsAsync(connection, query))
            {
                text.Append(string.Join(" | ", row)).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    private static async Task<List<string[]>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
        }

        return rows;
    }
}
