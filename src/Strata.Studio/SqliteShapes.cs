using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Strata.Studio;

/// <summary>
/// Reads a SQLite table's shape: columns by declared type (SQLite's affinity words: INT, CHAR/TEXT, BLOB, REAL, plus
/// DATE/TIME, BOOL, JSON), a <c>CHECK (col IN ('a', 'b'))</c> as an enum (how Knex and Drizzle write one), single-column
/// foreign keys, the primary key (else rowid; a view by offset).
/// </summary>
internal static partial class SqliteShapes
{
    public static async Task<TableShape> DescribeAsync(SqliteConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "select type, coalesce(sql, '') from sqlite_schema where name = $name and type in ('table', 'view')";
        command.Parameters.AddWithValue("$name", table);
        string type, definition;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                throw new StudioRequestException($"no table or view {table}: it may have been dropped; reload the table list", 404);
            }

            (type, definition) = (reader.GetString(0), reader.GetString(1));
        }

        var references = await ForeignKeysAsync(command, ct);
        command.CommandText = "select name, type, pk from pragma_table_info($name) order by cid";
        var columns = new List<ColumnShape>();
        var keyed = new SortedList<long, (string, string)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var (name, declared, pk) = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
                var values = EnumValues(definition, name);
                columns.Add(new ColumnShape(name, declared, values is null ? Classify(declared) : ValueClass.Enum, pk > 0, values, references.GetValueOrDefault(name)));
                if (pk > 0)
                {
                    keyed.Add(pk, (TableQuery.Ref(name), declared));
                }
            }
        }

        return keyed.Count > 0 ? new TableShape("main", table, columns, keyed.Values.ToList(), "key")
            : type == "table" ? new TableShape("main", table, columns, [("r.rowid", "integer")], "rowid")
            : new TableShape("main", table, columns, [], "offset");
    }

    private static async Task<Dictionary<string, ForeignKey>> ForeignKeysAsync(SqliteCommand command, CancellationToken ct)
    {
        // Single-column keys only; a key without "to" refers to the other table's primary key.
        command.CommandText = """
            select f."from", f."table", coalesce(f."to", (select p.name from pragma_table_info(f."table") p where p.pk = 1))
            from pragma_foreign_key_list($name) f
            where (select count(*) from pragma_foreign_key_list($name) g where g.id = f.id) = 1
            """;
        var references = new Dictionary<string, ForeignKey>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (!reader.IsDBNull(2))
            {
                references.TryAdd(reader.GetString(0), new ForeignKey("main", reader.GetString(1), reader.GetString(2)));
            }
        }

        return references;
    }

    private static ValueClass Classify(string declared)
    {
        var type = declared.ToUpperInvariant();
        return type.Contains("JSON", StringComparison.Ordinal) ? ValueClass.Json
            : type.Contains("BOOL", StringComparison.Ordinal) ? ValueClass.Boolean
            : type.Contains("DATE", StringComparison.Ordinal) || type.Contains("TIME", StringComparison.Ordinal) ? ValueClass.Date
            : type.Contains("INT", StringComparison.Ordinal) ? ValueClass.Number
            : type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal) ? ValueClass.Text
            : type.Contains("BLOB", StringComparison.Ordinal) ? ValueClass.Binary
            : type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal)
              || type.Contains("NUM", StringComparison.Ordinal) || type.Contains("DEC", StringComparison.Ordinal) ? ValueClass.Number
            : ValueClass.Text;
    }

    /// <summary>The labels of <c>CHECK (name IN ('a', 'b'))</c> in the table's definition, or null.</summary>
    private static List<string>? EnumValues(string definition, string column)
    {
        foreach (Match check in CheckIn().Matches(definition))
        {
            if (string.Equals(check.Groups["name"].Value, column, StringComparison.OrdinalIgnoreCase))
            {
                return Literal().Matches(check.Groups["list"].Value).Select(m => m.Groups[1].Value.Replace("''", "'", StringComparison.Ordinal)).ToList();
            }
        }

        return null;
    }

    [GeneratedRegex("""check\s*\(\s*[`"\[]?(?<name>[^`"\]\s()]+)[`"\]]?\s+in\s*\((?<list>\s*'(?:[^']|'')*'(?:\s*,\s*'(?:[^']|'')*')*\s*)\)\s*\)""", RegexOptions.IgnoreCase)]
    private static partial Regex CheckIn();

    [GeneratedRegex("'((?:[^']|'')*)'")]
    private static partial Regex Literal();
}
