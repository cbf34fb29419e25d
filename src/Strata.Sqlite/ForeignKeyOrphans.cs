using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Strata.Sqlite;

/// <summary>
/// The hint for a migration that failed with <c>FOREIGN KEY constraint failed</c> (SQLite's extended code 787), which
/// happens only where foreign keys are enforced (ADR 032): a database written while they were off may hold rows whose
/// parent is missing, and a table rebuild that copies them fails. The hint names those rows (<c>PRAGMA
/// foreign_key_check</c>, read inside the failed transaction) and the way out.
/// </summary>
internal static class ForeignKeyOrphans
{
    /// <summary>SQLite's extended result code for a foreign key violation.</summary>
    public const int ExtendedCode = 787;

    private const int Shown = 3;

    /// <summary>The hint for the failed statement, read on <paramref name="connection"/> before its transaction rolls back.</summary>
    public static async Task<string> HintAsync(SqliteConnection connection)
    {
        var orphans = await ReadAsync(connection).ConfigureAwait(false);
        const string Enforced = "foreign keys are enforced for this migration (its own `PRAGMA foreign_keys = ON`, or SqliteOptions.ForeignKeys)";
        if (orphans.Count == 0)
        {
            return "a row this migration writes references a parent row that does not exist, and " + Enforced + "; write the parent rows first";
        }

        var tables = orphans.GroupBy(o => (o.Table, o.Parent)).Take(Shown).Select(g =>
            $"{g.Key.Table} has {Rows(g.Count())} whose {g.Key.Parent} row is missing (rowid {string.Join(", ", g.Take(Shown).Select(o => o.RowId))}{(g.Count() > Shown ? ", …" : "")})");
        return "the database already holds rows whose parent is missing (written while foreign keys were off): " + string.Join("; ", tables)
            + "; " + Enforced + ", so copying them fails. `PRAGMA foreign_key_check;` lists them all: delete or repair them in a migration before this one";
    }

    private static string Rows(int count) => count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " row" : " rows");

    private static async Task<List<(string Table, string RowId, string Parent)>> ReadAsync(SqliteConnection connection)
    {
        var orphans = new List<(string, string, string)>();
        try
        {
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA foreign_key_check";
            using var reader = await check.ExecuteReaderAsync().ConfigureAwait(false);
            while (orphans.Count < 1000 && await reader.ReadAsync().ConfigureAwait(false))
            {
                orphans.Add((reader.GetString(0), reader.IsDBNull(1) ? "none" : reader.GetValue(1).ToString() ?? "", reader.GetString(2)));
            }
        }
        catch (SqliteException)
        {
            // The hint is a courtesy: a database that cannot run the check gets the general hint.
        }

        return orphans;
    }
}
