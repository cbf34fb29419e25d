using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Strata.Sources;

namespace Strata.Sqlite;

/// <summary>
/// Foreign key enforcement per migration (ADR 029, ADR 032). Each migration runs with the session's setting
/// (<see cref="SqliteOptions.ForeignKeys"/>: off by default, as SQLite itself and the <c>sqlite3</c> shell run a file)
/// unless one of its first statements says <c>PRAGMA foreign_keys = OFF</c> or <c>= ON</c> (Drizzle Kit's and Prisma
/// Migrate's rebuilds, SQLite's 12-step procedure). Inside Strata's <c>BEGIN IMMEDIATE</c> such a PRAGMA is a no-op, so
/// the executor sets it on the connection before the transaction and puts the session's setting back after it.
/// </summary>
internal static partial class ForeignKeysPragma
{
    /// <summary>How many of a script's first statements are looked at (the PRAGMA opens a rebuild).</summary>
    private const int Looked = 100;

    /// <summary>What the first <c>PRAGMA foreign_keys = …</c> among the script's first statements asks for; null when none does.</summary>
    public static bool? Asked(SqlScript script)
    {
        foreach (var statement in script.Statements(Dialect.Sqlite).Take(Looked))
        {
            var match = Pragma().Match(statement.Text);
            if (match.Success)
            {
                return match.Groups[1].Value.ToUpperInvariant() is "ON" or "1" or "TRUE" or "YES";
            }
        }

        return null;
    }

    /// <summary>Sets foreign key enforcement on the connection (outside a transaction) when it differs.</summary>
    public static async Task SetAsync(SqliteConnection connection, bool on, CancellationToken cancellationToken)
    {
        using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA foreign_keys";
        var current = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) != 0;
        if (current != on)
        {
            using var set = connection.CreateCommand();
            set.CommandText = "PRAGMA foreign_keys = " + (on ? "ON" : "OFF");
            await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The PRAGMA statement that sets <paramref name="on"/>, as a dry run prints it.</summary>
    public static string Statement(bool on) => "PRAGMA foreign_keys = " + (on ? "ON" : "OFF") + ";";

    [GeneratedRegex(@"^\s*PRAGMA\s+(?:(?:main|""main"")\s*\.\s*)?[""`]?foreign_keys[""`]?\s*=\s*['""]?(on|off|0|1|true|false|yes|no)['""]?\s*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pragma();
}
