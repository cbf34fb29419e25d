using System.Runtime.CompilerServices;

namespace Strata.Sql;

/// <summary>
/// Splits SQL text into <see cref="SqlToken"/>s following PostgreSQL's (psql's) or SQLite's lexical rules. Used by
/// <see cref="SqlSplitter"/> and by the linter. Allocation-free: walk the tokens with <see cref="TryNext"/>, or call
/// <see cref="Tokenize"/> for a list. Never throws on bad input: a quote or comment that is never closed becomes
/// one <see cref="SqlTokenKind.Unterminated"/> token running to the end of the text.
/// </summary>
public ref struct SqlLexer
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Dialect _flavor;
    private int _position;

    /// <summary>Starts lexing <paramref name="text"/> at its beginning.</summary>
    public SqlLexer(ReadOnlySpan<char> text, Dialect dialect)
        : this(text, dialect, 0)
    {
    }

    /// <summary>
    /// Starts lexing <paramref name="text"/> at <paramref name="start"/>, which must be a token boundary (the
    /// start of the text or the end of an earlier token); token positions stay relative to <paramref name="text"/>.
    /// </summary>
    public SqlLexer(ReadOnlySpan<char> text, Dialect dialect, int start)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, text.Length);
        _text = text;
        _flavor = dialect;
        _position = start;
    }

    /// <summary>The index where the next token starts (the text length once every token was read).</summary>
    public readonly int Position => _position;

    /// <summary>Reads the next token; false at the end of the text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryNext(out SqlToken token)
    {
        if (_position >= _text.Length)
        {
            token = default;
            return false;
        }

        token = _flavor == Dialect.Sqlite
            ? SqliteScanner.Scan(_text, _position)
            : PostgreSqlScanner.Scan(_text, _position);
        _position = token.End;
        return true;
    }

    /// <summary>Every token of <paramref name="sql"/>, in order.</summary>
    public static IReadOnlyList<SqlToken> Tokenize(string sql, Dialect dialect)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokens = new List<SqlToken>(sql.Length / 4 + 1);
        var lexer = new SqlLexer(sql, dialect);
        while (lexer.TryNext(out var token))
        {
            tokens.Add(token);
        }

        return tokens;
    }
}
