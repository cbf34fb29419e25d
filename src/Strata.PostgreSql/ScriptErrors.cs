using Npgsql;
using Strata.Errors;
using Strata.Execution;
using Strata.Sources;
using Strata.Sql;

namespace Strata.PostgreSql;

/// <summary>Maps a server error in a migration statement to a <see cref="MigrationFailedException"/> at its file position.</summary>
internal static class ScriptErrors
{
    /// <summary>The exception for <paramref name="error"/> raised by <paramref name="statement"/> of the script.</summary>
    public static MigrationFailedException Failed(
        string migration, SqlScript script, SqlStatement statement, PostgresException error, string outcome) =>
        ScriptFailure.Create(migration, script, statement, Position(statement, error), error.SqlState, Message(error), outcome, Hint(error), error);

    /// <summary>
    /// The exception for an error raised after the script's statements, by Strata's history statements or by
    /// <c>COMMIT</c> (<paramref name="stage"/> says which); it points at the start of the script.
    /// </summary>
    public static MigrationFailedException FailedAfterScript(
        string migration, SqlScript script, string stage, PostgresException error, string outcome) =>
        ScriptFailure.Create(migration, script, new SqlStatement("", 0, 1, 1), null, error.SqlState, $"{stage}: {Message(error)}", outcome, Hint(error), error);

    /// <summary>What ran at position <paramref name="index"/> of a batch of <paramref name="count"/> commands ending in the history statements and <c>COMMIT</c>, when it was not a script statement.</summary>
    public static string Stage(int index, int count) =>
        index == count - 1
            ? "at COMMIT, after every statement had run (a deferred constraint or trigger failed)"
            : "while recording the migration in the history table, after its last statement";

    /// <summary>
    /// The 1-based character position inside the statement: the server's, or, for an error inside a function body
    /// or DO block, the internal position when the internal query occurs exactly once in the statement text.
    /// </summary>
    public static int? Position(SqlStatement statement, PostgresException error)
    {
        if (error.Position > 0)
        {
            return error.Position;
        }

        if (error.InternalPosition > 0 && error.InternalQuery is { Length: > 0 } query)
        {
            var index = statement.Text.IndexOf(query, StringComparison.Ordinal);
            if (index >= 0 && statement.Text.LastIndexOf(query, StringComparison.Ordinal) == index)
            {
                return Characters(statement.Text, index) + error.InternalPosition;
            }
        }

        return null;
    }

    private static string Message(PostgresException error)
    {
        var message = error.MessageText;
        if (string.IsNullOrWhiteSpace(error.Detail))
        {
            return message;
        }

        return message.EndsWith('.') ? $"{message} {error.Detail}" : $"{message}. {error.Detail}";
    }

    private static string? Hint(PostgresException error) => error.Hint ?? error.SqlState switch
    {
        PostgresErrorCodes.ActiveSqlTransaction =>
            "this statement cannot run inside a transaction: put -- strata:no-transaction on the first line of the migration (its statements then run one by one)",
        PostgresErrorCodes.LockNotAvailable =>
            "another session holds a lock on the object; retry when it is idle, or raise lock_timeout for this migration",
        _ => null,
    };

    /// <summary>The number of Unicode characters (surrogate pairs count once) in the first <paramref name="length"/> UTF-16 units.</summary>
    private static int Characters(string text, int length)
    {
        var count = 0;
        for (var i = 0; i < length; i++)
        {
            if (!char.IsLowSurrogate(text[i]) || i == 0 || !char.IsHighSurrogate(text[i - 1]))
            {
                count++;
            }
        }

        return count;
    }
}
