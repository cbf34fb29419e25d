namespace Strata.Sql;

/// <summary>The checks behind <see cref="SqlSplitter.FindProblems"/>.</summary>
internal static class SqlProblemFinder
{
    public static List<SqlProblem> Find(string sql, Dialect dialect)
    {
        var problems = new List<SqlProblem>();
        var position = 0;
        while (position < sql.Length)
        {
            position = FindFrom(sql, dialect, position, problems);
        }

        return problems;
    }

    /// <summary>
    /// True when <see cref="Find"/> cannot report anything for <paramref name="sql"/> provided its tokens hold no
    /// <see cref="SqlTokenKind.Unterminated"/> one: lets a caller that already lexed the text skip a second pass.
    /// </summary>
    public static bool CannotHaveProblems(string sql, Dialect dialect) =>
        dialect == Dialect.Sqlite
            ? !sql.StartsWith('.') && !sql.Contains("\n.", StringComparison.Ordinal) && !sql.Contains("\r.", StringComparison.Ordinal)
            : !sql.Contains('\\') && !sql.Contains("copy", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Checks statements from <paramref name="start"/>; returns where to continue after the data of a
    /// <c>COPY … FROM stdin</c> (which is not SQL), or the text length when done.
    /// </summary>
    private static int FindFrom(string sql, Dialect dialect, int start, List<SqlProblem> problems)
    {
        var reader = new StatementReader(sql, dialect, start);
        while (reader.Next(out var statement))
        {
            if (statement.IsMetaCommand)
            {
                problems.Add(new SqlProblem(statement.Start, SqlProblemMessages.MetaCommand(sql.AsSpan(statement.Start, statement.End - statement.Start))));
                continue;
            }

            if (statement.UnterminatedAt >= 0)
            {
                problems.Add(new SqlProblem(statement.UnterminatedAt, SqlProblemMessages.Unterminated(sql.AsSpan(statement.UnterminatedAt), dialect)));
            }

            if (dialect == Dialect.Sqlite)
            {
                AddDotCommand(sql, statement, problems);
                continue;
            }

            switch (CopyStream.Of(sql.AsSpan(0, statement.End), statement.Start))
            {
                case CopyStream.Direction.FromStdin:
                    problems.Add(new SqlProblem(statement.Start, SqlProblemMessages.CopyFromStdin));
                    return CopyStream.SkipData(sql, statement.Resume);
                case CopyStream.Direction.ToStdout:
                    problems.Add(new SqlProblem(statement.Start, SqlProblemMessages.CopyToStdout));
                    break;
                default:
                    break;
            }
        }

        return sql.Length;
    }

    /// <summary>A sqlite3 shell command (<c>.read</c>, <c>.mode</c>): a dot and a letter at the start of a line.</summary>
    private static void AddDotCommand(string sql, StatementBounds statement, List<SqlProblem> problems)
    {
        var s = statement.Start;
        if (sql[s] == '.' && s + 1 < sql.Length && char.IsAsciiLetter(sql[s + 1]) && (s == 0 || sql[s - 1] is '\n' or '\r'))
        {
            var end = LexChars.LineEnd(sql, s);
            var name = sql.AsSpan(s, end - s);
            var space = name.IndexOfAny(' ', '\t');
            problems.Add(new SqlProblem(s, SqlProblemMessages.DotCommand(space < 0 ? name : name[..space])));
        }
    }
}
