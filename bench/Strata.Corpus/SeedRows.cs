using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Strata.Corpus;

/// <summary>
/// Rows for the SQLite corpus's <c>--rows</c> mode: after each migration, both databases get the same new row in every
/// ordinary table (<c>INSERT OR IGNORE</c>, one statement per table, run by sqlite3 without <c>-bail</c>), so a
/// migration that rebuilds, copies or drops a table under one tool and not the other shows in the dumps. Values are
/// typed by the column's declared type and numbered by the step (integer keys and integer foreign keys of the same
/// step match, so child rows point at parent rows, as an application's do); a row a constraint refuses is skipped
/// alike on both sides. Rows inserted at one step are never re-created by a later one, so a lost row stays lost.
/// The rows respect foreign keys (<see cref="Consistent"/>), as an application's rows do when it enforces them.
/// </summary>
internal static class SeedRows
{
    private const string Columns =
        "SELECT t.name AS tbl, c.name AS col, c.type AS type FROM pragma_table_list AS t, pragma_table_xinfo(t.name) AS c " +
        "WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' " +
        "AND t.name NOT LIKE 'strata\\_migrations%' ESCAPE '\\' AND c.hidden = 0 ORDER BY t.name, c.cid;";

    /// <summary>The seed script for step <paramref name="step"/>, read from <paramref name="database"/>'s tables.</summary>
    public static async Task<string> ScriptAsync(string database, int step)
    {
        var json = await Sqlite3.QueryJsonAsync(database, Columns);
        var script = new StringBuilder();
        var rows = json.Length == 0 ? [] : JsonSerializer.Deserialize<List<Dictionary<string, string?>>>(json) ?? [];
        foreach (var table in rows.GroupBy(r => r["tbl"]!))
        {
            var names = string.Join(", ", table.Select(c => Quote(c["col"]!)));
            var values = string.Join(", ", table.Select(c => Value(c["type"] ?? "", step)));
            script.Append(CultureInfo.InvariantCulture, $"INSERT OR IGNORE INTO {Quote(table.Key)} ({names}) VALUES ({values});\n");
        }

        return script.ToString();
    }

    /// <summary>
    /// The script with foreign keys enforced, run three times: a child row whose parent table comes later in the
    /// script gets in on a later pass; a row that references nothing of its step is refused on every pass.
    /// </summary>
    public static string Consistent(string script) => "PRAGMA foreign_keys = ON;\n" + script + script + script;

    /// <summary>A literal for a column declared as <paramref name="type"/> (SQLite's affinity rules, plus common names).</summary>
    public static string Value(string type, int step)
    {
        var t = type.ToUpperInvariant();
        var n = step.ToString(CultureInfo.InvariantCulture);
        return t switch
        {
            _ when t.Contains("BOOL", StringComparison.Ordinal) => (step % 2).ToString(CultureInfo.InvariantCulture),
            _ when t.Contains("INT", StringComparison.Ordinal) => n,
            _ when t.Contains("JSON", StringComparison.Ordinal) => $"'{{\"n\":{n}}}'",
            _ when t.Contains("UUID", StringComparison.Ordinal) => $"'00000000-0000-4000-8000-{step:D12}'",
            _ when t.Contains("DATE", StringComparison.Ordinal) || t.Contains("TIME", StringComparison.Ordinal) =>
                $"'2024-01-01 00:00:{step % 60:D2}'",
            _ when t.Contains("CHAR", StringComparison.Ordinal) || t.Contains("CLOB", StringComparison.Ordinal)
                || t.Contains("TEXT", StringComparison.Ordinal) => $"'v{n}'",
            _ when t.Contains("REAL", StringComparison.Ordinal) || t.Contains("FLOA", StringComparison.Ordinal)
                || t.Contains("DOUB", StringComparison.Ordinal) => n + ".5",
            _ when t.Contains("BLOB", StringComparison.Ordinal) || t.Length == 0 => $"X'{step:X4}'",
            _ => n,
        };
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
