using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Strata.Cli.Tests.Operations;

/// <summary>A SQLite database as text, like sqlite3's .dump: every schema object's SQL and every row of every table, in order.</summary>
internal static class SqliteDump
{
    public static string Of(string path)
    {
        var text = new StringBuilder();
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name";
            using var reader = schema.ExecuteReader();
            while (reader.Read())
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{reader.GetString(0)} {reader.GetString(1)}: {(reader.IsDBNull(2) ? "" : reader.GetString(2))}");
                if (reader.GetString(0) == "table")
                {
                    tables.Add(reader.GetString(1));
                }
            }
        }

        foreach (var table in tables)
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = rows.ExecuteReader();
            while (reader.Read())
            {
                text.Append(table).Append(':');
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(' ').Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}
