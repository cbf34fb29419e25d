namespace Strata.Sql;

/// <summary>The wording of <see cref="SqlSplitter.FindProblems"/>: what is wrong and how to fix it.</summary>
internal static class SqlProblemMessages
{
    public const string CopyFromStdin =
        "COPY … FROM stdin needs psql's data stream; Strata sends SQL to the server, so the data lines would be read as SQL. "
        + "Turn the data into INSERT statements (pg_dump --inserts) or COPY from a file the server can read";

    public const string CopyToStdout =
        "COPY … TO stdout writes to psql's output, which Strata does not read; remove it from the migration";

    /// <summary>The message for a psql meta-command line, naming the command and the usual fix.</summary>
    public static string MetaCommand(ReadOnlySpan<char> line)
    {
        var name = CommandName(line);
        return $"psql meta-command {name} is not SQL; Strata sends SQL to the server: {MetaCommandFix(name)}";
    }

    /// <summary>The message for a sqlite3 shell command such as <c>.read</c>.</summary>
    public static string DotCommand(ReadOnlySpan<char> name) =>
        $"sqlite3 shell command {name} is not SQL; Strata sends SQL to the database: remove the line"
        + (name.SequenceEqual(".read") ? " and copy the SQL of that file into this migration" : "");

    /// <summary>The message for a token that is never closed; <paramref name="token"/> runs to the end of the text.</summary>
    public static string Unterminated(ReadOnlySpan<char> token, Dialect dialect)
    {
        if (token.StartsWith("/*"))
        {
            return dialect == Dialect.PostgreSql
                ? "unterminated block comment: the /* here is never closed by */ (PostgreSQL nests block comments, so each /* inside one needs its own */)"
                : "unterminated block comment: the /* here is never closed by */";
        }

        switch (token[0])
        {
            case '$':
                var tag = token[..(token[1..].IndexOf('$') + 2)];
                return $"unterminated dollar-quoted string: the {tag} here is never closed by a matching {tag}";
            case '"' or '`' or '[':
                return $"unterminated quoted identifier: the {token[0]} here is never closed";
            case 'u' or 'U' when token[2] == '"':
                return "unterminated quoted identifier: the U&\" here is never closed";
            case 'e' or 'E' when dialect == Dialect.PostgreSql:
                return "unterminated string literal: the E'' string here is never closed (inside E'' a backslash escapes the next character, so \\' does not end it)";
            default:
                return "unterminated string literal: the ' here is never closed (write '' for a quote inside a string)";
        }
    }

    private static ReadOnlySpan<char> CommandName(ReadOnlySpan<char> line)
    {
        var end = 1;
        while (end < line.Length && char.IsAsciiLetterOrDigit(line[end]))
        {
            end++;
        }

        return line[..Math.Max(end, Math.Min(2, line.Length))];
    }

    private static string MetaCommandFix(ReadOnlySpan<char> name) => name switch
    {
        @"\i" or @"\ir" or @"\include" or @"\include_relative" => "copy the SQL of the included file into this migration",
        @"\c" or @"\connect" => "a migration runs on the database Strata connects to; remove the line and choose the database with --database",
        @"\copy" => "use INSERT statements, or COPY … FROM a file the server can read",
        @"\g" or @"\gset" or @"\gexec" or @"\gx" => "end the statement with ; instead",
        @"\." => "this ends COPY data, which Strata cannot send; use INSERT statements",
        @"\set" or @"\unset" => "psql variables do not exist outside psql (and Strata always stops at the first error); remove the line",
        _ => "remove the line",
    };
}
