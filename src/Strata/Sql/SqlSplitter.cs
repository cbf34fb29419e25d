namespace Strata.Sql;

/// <summary>
/// Splits a script into the statements psql (<c>psql -f</c>) or the sqlite3 shell would send, and finds the
/// lexical problems that make a script unusable before any database is touched.
/// </summary>
public static class SqlSplitter
{
    /// <summary>
    /// The statements of <paramref name="sql"/>, in order, skipping empty ones (only whitespace and comments). A
    /// statement ends at a top-level semicolon: PostgreSQL ignores semicolons inside quotes, comments, dollar quotes,
    /// parentheses and the <c>BEGIN … END</c> of a <c>CREATE FUNCTION|PROCEDURE</c>; SQLite those inside quotes,
    /// comments and <c>CREATE TRIGGER … BEGIN … END</c>. A last statement without semicolon is included. Each
    /// <see cref="SqlStatement.Text"/> runs from its first to its last significant token. Called by the script
    /// executors and the linter; never throws on bad SQL (see <see cref="FindProblems"/>).
    /// </summary>
    public static IReadOnlyList<SqlStatement> Split(string sql, Dialect dialect)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var result = new List<SqlStatement>();
        var reader = new StatementReader(sql, dialect, 0);
        var cursor = new PositionCursor(sql);
        while (reader.Next(out var bounds))
        {
            var (line, column) = cursor.MoveTo(bounds.Start);
            result.Add(new SqlStatement(sql[bounds.Start..bounds.End], bounds.Start, line, column));
        }

        return result;
    }

    /// <summary>
    /// The statements of the text <paramref name="reader"/> delivers, exactly as <see cref="Split"/>
    /// finds them in the whole text (same <see cref="SqlStatement.Text"/>, offset, line and column), read lazily in
    /// chunks: only the statement being read is held, so a file of hundreds of megabytes splits in little memory.
    /// The reader is read as the sequence is enumerated (once) and is not disposed; an offset beyond
    /// <see cref="int.MaxValue"/> is reported as <see cref="int.MaxValue"/>. Called by the script executors for
    /// streamed scripts; never throws on bad SQL, but passes on the reader's exceptions.
    /// </summary>
    public static IEnumerable<SqlStatement> SplitStream(TextReader reader, Dialect dialect)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return SplitStreamChunked(reader, dialect, StatementStream.DefaultChunk);
    }

    /// <summary><see cref="SplitStream(TextReader, Dialect)"/> reading <paramref name="chunk"/> characters at a time (tests use tiny chunks).</summary>
    internal static IEnumerable<SqlStatement> SplitStreamChunked(TextReader reader, Dialect dialect, int chunk)
    {
        var stream = new StatementStream(reader, dialect, chunk);
        while (stream.Next(out var statement))
        {
            var text = Take(stream, statement);
            HugeMemory.CollectIfDropped();
            yield return new SqlStatement(text, (int)Math.Min(statement.Offset, int.MaxValue), statement.Line, statement.Column);
        }
    }

    /// <summary>The statement's text, copied out before the stream gives its buffer back (kept out of line, so no reference to the buffer outlives it).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string Take(StatementStream stream, StreamStatement statement)
    {
        var text = stream.TextOf(statement).ToString();
        stream.Release();
        return text;
    }

    /// <summary>
    /// The lexical problems of <paramref name="sql"/>, in text order: a string, quoted identifier, dollar quote or
    /// block comment that is never closed; a psql meta-command (<c>\i</c>, <c>\set</c>, <c>\connect</c>,
    /// <c>\copy</c>, …); <c>COPY … FROM stdin</c> and <c>COPY … TO stdout</c>, which need psql's data stream; a
    /// sqlite3 shell dot-command. Empty when the script is fine. Called by the migration sources while loading,
    /// which turn <see cref="SqlProblem.Offset"/> into a file line and column.
    /// </summary>
    public static IReadOnlyList<SqlProblem> FindProblems(string sql, Dialect dialect)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return SqlProblemFinder.Find(sql, dialect);
    }
}
