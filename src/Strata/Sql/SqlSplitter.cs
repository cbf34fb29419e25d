namespace Strata.Sql;

/// <summary>Splits a script into statements at top-level semicolons.</summary>
public static class SqlSplitter
{
    /// <summary>
    /// The statements of <paramref name="sql"/>, in order, skipping empty ones (only whitespace and comments).
    /// PROVISIONAL: handles single quotes and line comments only; the full lexer replaces it.
    /// </summary>
    public static IReadOnlyList<SqlStatement> Split(string sql, SqlFlavor flavor)
    {
        ArgumentNullException.ThrowIfNull(sql);
        _ = flavor;
        var result = new List<SqlStatement>();
        var start = 0;
        var inQuote = false;
        for (var i = 0; i <= sql.Length; i++)
        {
            var c = i < sql.Length ? sql[i] : ';';
            if (inQuote)
            {
                inQuote = c != '\'';
                continue;
            }

            if (c == '\'')
            {
                inQuote = true;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == ';')
            {
                Add(result, sql, start, i);
                start = i + 1;
            }
        }

        return result;
    }

    private static void Add(List<SqlStatement> result, string sql, int start, int end)
    {
        var s = start;
        while (s < end && char.IsWhiteSpace(sql[s]))
        {
            s++;
        }

        var text = sql[s..end].TrimEnd();
        if (text.Length == 0 || text.Split('\n').All(l => l.TrimStart().StartsWith("--", StringComparison.Ordinal) || l.Trim().Length == 0))
        {
            return;
        }

        var (line, column) = TextPositions.LineColumnAt(sql, s);
        result.Add(new SqlStatement(text, s, line, column));
    }
}
