using System.Runtime.CompilerServices;

namespace Strata.Sql;

/// <summary>
/// Walks the statements of a text as psql (PostgreSQL) or the sqlite3 shell (SQLite) would send them, skipping
/// empty ones. A psql meta-command line is returned as a statement of its own, marked as such.
/// </summary>
internal ref struct StatementReader
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Dialect _flavor;
    private int _position;

    public StatementReader(ReadOnlySpan<char> text, Dialect dialect, int start)
    {
        _text = text;
        _flavor = dialect;
        _position = start;
    }

    /// <summary>Reads the next non-empty statement; false at the end of the text.</summary>
    public bool Next(out StatementBounds bounds)
    {
        while (_position < _text.Length)
        {
            if (ReadOne(out bounds))
            {
                return true;
            }
        }

        bounds = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadOne(out StatementBounds bounds)
    {
        var lexer = new SqlLexer(_text, _flavor, _position);
        var postgres = new PostgreSqlBoundary();
        var sqlite = new SqliteBoundary();
        int start = -1, end = -1, unterminated = -1;
        while (lexer.TryNext(out var token))
        {
            if (token.IsTrivia)
            {
                continue;
            }

            if (token.Kind == SqlTokenKind.MetaCommand)
            {
                // A meta-command ends the statement before it and then stands alone.
                var alone = start < 0;
                _position = alone ? token.End : token.Start;
                bounds = alone ? new StatementBounds(token.Start, token.End, token.End, true, -1) : new StatementBounds(start, end, token.Start, false, unterminated);
                return true;
            }

            if (EndsAt(token, ref postgres, ref sqlite))
            {
                _position = token.End;
                bounds = new StatementBounds(start, end, token.End, false, unterminated);
                return start >= 0;
            }

            start = start < 0 ? token.Start : start;
            end = token.End;
            unterminated = token.Kind == SqlTokenKind.Unterminated ? token.Start : unterminated;
        }

        _position = _text.Length;
        bounds = new StatementBounds(start, end, _text.Length, false, unterminated);
        return start >= 0;
    }

    /// <summary>True when <paramref name="token"/> is a semicolon that ends the statement; otherwise records it.</summary>
    private readonly bool EndsAt(SqlToken token, ref PostgreSqlBoundary postgres, ref SqliteBoundary sqlite)
    {
        if (token.Kind == SqlTokenKind.Semicolon)
        {
            return _flavor == Dialect.Sqlite ? sqlite.Semicolon() : postgres.SemicolonEnds;
        }

        if (_flavor == Dialect.Sqlite)
        {
            sqlite.Observe(token, _text);
        }
        else
        {
            postgres.Observe(token, _text);
        }

        return false;
    }
}
