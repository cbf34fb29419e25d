using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Strata.Errors;
using Strata.Execution;
using Strata.Sources;
using Strata.Sql;

namespace Strata.Sqlite;

/// <summary>Turns SQLite errors into Strata's typed errors with file positions.</summary>
internal static partial class ErrorTranslator
{
    public static StrataException Translate(string migration, SqlScript script, SqlStatement statement, string outcome, SqliteException ex, string? hint = null)
    {
        if (ex.SqliteErrorCode is 5 or 6)
        {
            return Busy(migration, ex);
        }

        var message = ServerMessage(ex);
        return ScriptFailure.Create(
            migration,
            script,
            statement,
            NearPosition(statement.Text, message),
            sqlState: null,
            $"SQLite error {ex.SqliteErrorCode} ({CodeName(ex.SqliteErrorCode)}): {message}",
            outcome,
            hint,
            ex);
    }

    /// <summary>Another writer held the file longer than the busy timeout while running <paramref name="migration"/>.</summary>
    public static DatabaseUnavailableException Busy(string migration, SqliteException ex) => BusyWhile("running " + migration, ex);

    /// <summary>Another writer held the file longer than the busy timeout during <paramref name="activity"/> ("creating the history table").</summary>
    public static DatabaseUnavailableException BusyWhile(string activity, SqliteException ex) => new(
        $"the SQLite database stayed locked by another writer while {activity}: {ServerMessage(ex)}",
        "another process is writing to the file; wait for it, or raise the wait with --lock-timeout <seconds>",
        ex);

    /// <summary>SQLite reports syntax errors as <c>near "x": syntax error</c>; point at that token.</summary>
    private static int? NearPosition(string statement, string message)
    {
        var match = NearToken().Match(message);
        if (!match.Success)
        {
            return null;
        }

        var index = statement.IndexOf(match.Groups[1].Value, StringComparison.Ordinal);
        return index < 0 ? null : CharacterCount(statement, index) + 1;
    }

    private static int CharacterCount(string text, int utf16Index)
    {
        var count = 0;
        for (var i = 0; i < utf16Index; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                count++;
            }
        }

        return count;
    }

    private static string ServerMessage(SqliteException ex)
    {
        // Microsoft.Data.Sqlite formats "SQLite Error 1: 'no such table: x'."; keep SQLite's own words.
        var match = Wrapped().Match(ex.Message);
        return match.Success ? match.Groups[1].Value : ex.Message;
    }

    private static string CodeName(int code) => code switch
    {
        1 => "SQLITE_ERROR",
        5 => "SQLITE_BUSY",
        6 => "SQLITE_LOCKED",
        8 => "SQLITE_READONLY",
        13 => "SQLITE_FULL",
        19 => "SQLITE_CONSTRAINT",
        20 => "SQLITE_MISMATCH",
        _ => "code " + code,
    };

    [GeneratedRegex("near \"(.+?)\": syntax error")]
    private static partial Regex NearToken();

    [GeneratedRegex(@"^SQLite Error \d+: '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex Wrapped();
}
