namespace Strata.Sql;

/// <summary>
/// Decides, token by token, whether a semicolon ends the current PostgreSQL statement, the way psql does: not
/// inside parentheses, and not inside the <c>BEGIN … END</c> of a <c>CREATE [OR REPLACE] FUNCTION|PROCEDURE</c>
/// (SQL-standard bodies, <c>BEGIN ATOMIC</c>), where <c>CASE</c> also opens a level that <c>END</c> closes.
/// One instance per statement.
/// </summary>
internal struct PostgreSqlBoundary
{
    private int _parenDepth;
    private int _beginDepth;
    private int _wordCount;
    private int _colonEnd;
    private char _first;
    private char _second;
    private char _third;
    private char _fourth;

    public PostgreSqlBoundary()
    {
        _colonEnd = -1;
    }

    /// <summary>True when a semicolon seen now ends the statement.</summary>
    public readonly bool SemicolonEnds => _parenDepth == 0 && _beginDepth == 0;

    /// <summary>Takes a significant token of the statement into account.</summary>
    public void Observe(SqlToken token, ReadOnlySpan<char> text)
    {
        switch (token.Kind)
        {
            case SqlTokenKind.OpenParen:
                _parenDepth++;
                break;
            case SqlTokenKind.CloseParen when _parenDepth > 0:
                _parenDepth--;
                break;
            case SqlTokenKind.Word when token.Start != _colonEnd:
                // psql reads ":name" as a variable reference, never as a keyword.
                OnWord(token.In(text));
                break;
            default:
                break;
        }

        _colonEnd = token.Kind == SqlTokenKind.Operator && token.Length == 1 && text[token.Start] == ':' ? token.End : -1;
    }

    private void OnWord(ReadOnlySpan<char> word)
    {
        if (_wordCount < 4)
        {
            Record(_wordCount, HeaderMark(word));
        }

        _wordCount++;
        if (_first != 'c' || !StartsCreateRoutine() || _parenDepth != 0 || word.Length is < 3 or > 5)
        {
            return;
        }

        if (LexChars.IsKeyword(word, "begin"))
        {
            _beginDepth++;
        }
        else if (LexChars.IsKeyword(word, "case"))
        {
            if (_beginDepth >= 1)
            {
                _beginDepth++;
            }
        }
        else if (LexChars.IsKeyword(word, "end") && _beginDepth > 0)
        {
            _beginDepth--;
        }
    }

    private void Record(int index, char mark)
    {
        switch (index)
        {
            case 0: _first = mark; break;
            case 1: _second = mark; break;
            case 2: _third = mark; break;
            default: _fourth = mark; break;
        }
    }

    /// <summary>The first four words, each recorded only when it is create/function/procedure/or/replace.</summary>
    private readonly bool StartsCreateRoutine() =>
        _first == 'c'
        && (_second is 'f' or 'p' || (_second == 'o' && _third == 'r' && _fourth is 'f' or 'p'));

    private static char HeaderMark(ReadOnlySpan<char> word) =>
        LexChars.IsKeyword(word, "create") || LexChars.IsKeyword(word, "function") || LexChars.IsKeyword(word, "procedure")
        || LexChars.IsKeyword(word, "or") || LexChars.IsKeyword(word, "replace")
            ? (char)(word[0] | 0x20)
            : '\0';
}
