using Strata.Errors;
using Strata.Sources;
using Strata.Sql;

namespace Strata.Execution;

/// <summary>
/// Builds <see cref="MigrationFailedException"/> for dialects: maps a server error position inside one
/// statement back to the line and column of the migration file.
/// </summary>
public static class ScriptFailure
{
    /// <summary>
    /// The file location of <paramref name="serverPosition"/> (1-based, in characters, as PostgreSQL reports
    /// it) inside <paramref name="statement"/>, or of the statement's first character when the server gave no
    /// position.
    /// </summary>
    public static SourceLocation Locate(SqlScript script, SqlStatement statement, int? serverPosition)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(statement);
        if (script.IsStreamed)
        {
            return LocateStreamed(script, statement, serverPosition);
        }

        var offset = serverPosition is > 0
            ? TextPositions.OffsetOfCharacter(script.Sql, statement.Offset, serverPosition.Value)
            : statement.Offset;
        var (line, column) = TextPositions.LineColumnAt(script.Sql, offset);
        return new SourceLocation(script.SourcePath, script.FirstLine + line - 1, column, TextPositions.LineText(script.Sql, line));
    }

    /// <summary>
    /// <see cref="Locate"/> without the script's text: from the statement's own line and column, and the line shown
    /// read again from the file (at most <see cref="MaxStreamedLineText"/> characters of it).
    /// </summary>
    private static SourceLocation LocateStreamed(SqlScript script, SqlStatement statement, int? serverPosition)
    {
        var index = serverPosition is > 0 ? TextPositions.OffsetOfCharacter(statement.Text, 0, serverPosition.Value) : 0;
        var (line, column) = (statement.Line, statement.Column);
        TextPositions.Advance(statement.Text, 0, index, ref line, ref column);
        return new SourceLocation(script.SourcePath, script.FirstLine + line - 1, column, StreamedLineText(script, line));
    }

    private const int MaxStreamedLineText = 4096;

    /// <summary>Line <paramref name="line"/> (1-based) of a streamed script, cut after <see cref="MaxStreamedLineText"/> characters; empty when it cannot be read.</summary>
    private static string StreamedLineText(SqlScript script, int line)
    {
        try
        {
            using var reader = script.OpenText();
            var buffer = new char[8192];
            var text = new System.Text.StringBuilder();
            var (current, afterCr) = (1, false);
            for (var length = reader.Read(buffer); length > 0; length = reader.Read(buffer))
            {
                foreach (var c in buffer.AsSpan(0, length))
                {
                    var secondHalfOfCrLf = afterCr && c == '\n';
                    afterCr = c == '\r';
                    if (secondHalfOfCrLf)
                    {
                        continue;
                    }

                    if (current == line && (c is '\n' or '\r' || text.Length == MaxStreamedLineText))
                    {
                        return c is '\n' or '\r' ? text.ToString() : text.Append('…').ToString();
                    }

                    if (current == line)
                    {
                        text.Append(c);
                    }

                    current += c is '\n' or '\r' ? 1 : 0;
                }
            }

            return text.ToString();
        }
        catch (MigrationSourceException)
        {
            return "";
        }
    }

    /// <summary>Creates the exception for a statement that failed on the server.</summary>
    /// <param name="migration">The migration's display name.</param>
    /// <param name="script">The script that ran.</param>
    /// <param name="statement">The statement that failed.</param>
    /// <param name="serverPosition">The server's 1-based character position inside the statement, if any.</param>
    /// <param name="sqlState">The SQLSTATE, if any.</param>
    /// <param name="message">The server message, with its detail appended when there is one.</param>
    /// <param name="outcome">What remains of the migration.</param>
    /// <param name="hint">The server's hint or Strata's, if any.</param>
    /// <param name="inner">The driver exception.</param>
    public static MigrationFailedException Create(
        string migration,
        SqlScript script,
        SqlStatement statement,
        int? serverPosition,
        string? sqlState,
        string message,
        string outcome,
        string? hint,
        Exception? inner) =>
        new(migration, Locate(script, statement, serverPosition), sqlState, message, outcome, hint, inner);

    /// <summary>
    /// The exception for a C# migration that threw: located at its type (there is no SQL line to point at), with the
    /// database's SQLSTATE when the error came from the server.
    /// </summary>
    public static MigrationFailedException CodeFailed(string migration, string typeName, Exception error, string? sqlState, string outcome)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error is System.Data.Common.DbException ? error.Message : $"{error.GetType().Name}: {error.Message}";
        return new MigrationFailedException(migration, new SourceLocation(typeName, 0, 0, ""), sqlState, message, outcome, null, error);
    }

    /// <summary>The outcome sentence for a transactional script.</summary>
    public static string RolledBack(string migration) =>
        $"the transaction was rolled back: nothing of {migration} was applied and no history row was written";

    /// <summary>The outcome sentence for a script run in one transaction without a history row (a push).</summary>
    public static string RolledBackWithoutHistory(string migration) =>
        $"the transaction was rolled back: nothing of {migration} was applied";

    /// <summary>The outcome sentence for a no-transaction script that failed at statement <paramref name="failed"/> (1-based).</summary>
    public static string PartiallyApplied(string migration, int failed, int count) =>
        failed == 1
            ? $"{migration} runs without a transaction; its first statement failed, so none of its {count} statements took effect"
            : $"{migration} runs without a transaction: statements 1-{failed - 1} of {count} were applied and stay applied; statement {failed} failed";
}
