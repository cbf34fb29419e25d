using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Strata.Sources;

namespace Strata.Sqlite;

/// <summary>
/// A transactional script that writes <c>PRAGMA foreign_keys=OFF</c> (Drizzle Kit's and Prisma Migrate's table rebuilds,
/// SQLite's own 12-step procedure) means to run with foreign keys off, as the <c>sqlite3</c> shell runs the file. Inside
/// Strata's <c>BEGIN IMMEDIATE</c> that PRAGMA is a no-op, and with foreign keys on (this library's connections have
/// them on) <c>DROP TABLE</c> of the old parent table deletes its rows first, cascading into child tables. So the
/// executor turns foreign keys off before the transaction and back to what they were after it.
/// </summary>
internal static partial class ForeignKeysOff
{
    /// <summary>How many of a script's first statements are looked at (the PRAGMA opens a rebuild).</summary>
    private const int Looked = 100;

    /// <summary>True when one of the first statements of <paramref name="script"/> is <c>PRAGMA foreign_keys = OFF</c> (or 0, false, no).</summary>
    public static bool Wanted(SqlScript script) =>
        script.Statements(Dialect.Sqlite).Take(Looked).Any(s => OffPragma().IsMatch(s.Text));

    /// <summary>Turns foreign keys off outside a transaction; returns whether they were on (to give <see cref="RestoreAsync"/>).</summary>
    public static async Task<bool> TurnOffAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA foreign_keys";
        var on = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0;
        if (on)
        {
            await SetAsync(connection, "OFF", cancellationToken).ConfigureAwait(false);
        }

        return on;
    }

    /// <summary>Turns foreign keys back on when they were on before <see cref="TurnOffAsync"/>.</summary>
    public static Task RestoreAsync(SqliteConnection connection, bool wereOn) =>
        wereOn ? SetAsync(connection, "ON", CancellationToken.None) : Task.CompletedTask;

    private static async Task SetAsync(SqliteConnection connection, string value, CancellationToken cancellationToken)
    {
        using var set = connection.CreateCommand();
        set.CommandText = "PRAGMA foreign_keys = " + value;
        await set.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex(@"^\s*PRAGMA\s+(?:(?:main|""main"")\s*\.\s*)?[""`]?foreign_keys[""`]?\s*=\s*['""]?(?:off|0|false|no)['""]?\s*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OffPragma();
}
