namespace Strata.Sql;

/// <summary>
/// Decides whether a semicolon ends the current SQLite statement with the state machine of sqlite3_complete():
/// a <c>CREATE [TEMP|TEMPORARY] TRIGGER</c> ends only at <c>; END ;</c>, so the semicolons of its body (and the
/// <c>END</c> of a <c>CASE</c>, which never follows a semicolon) do not end it. One instance per statement.
/// </summary>
internal struct SqliteBoundary
{
    private const byte Start = 1;
    private const byte Normal = 2;
    private const byte Explain = 3;
    private const byte Create = 4;
    private const byte Trigger = 5;
    private const byte Semi = 6;
    private const byte End = 7;

    private byte _state;

    public SqliteBoundary()
    {
        _state = Start;
    }

    /// <summary>Takes a semicolon into account; true when it ends the statement.</summary>
    public bool Semicolon()
    {
        _state = _state is Trigger or Semi ? Semi : Start;
        return _state == Start;
    }

    /// <summary>Takes a significant token other than a semicolon into account.</summary>
    public void Observe(SqlToken token, ReadOnlySpan<char> text)
    {
        var word = token.Kind == SqlTokenKind.Word ? token.In(text) : [];
        _state = _state switch
        {
            Start => Is(word, "explain") ? Explain : Is(word, "create") ? Create : Normal,
            Explain => Is(word, "create") ? Create : IsAny(word) ? Normal : Explain,
            Create => Is(word, "temp") || Is(word, "temporary") ? Create : Is(word, "trigger") ? Trigger : Normal,
            Semi => Is(word, "end") ? End : Trigger,
            End => Trigger,
            _ => _state,
        };
    }

    private static bool Is(ReadOnlySpan<char> word, string keyword) => LexChars.IsKeyword(word, keyword);

    /// <summary>The keywords sqlite3_complete() knows; after EXPLAIN any of them except CREATE leads to a plain statement.</summary>
    private static bool IsAny(ReadOnlySpan<char> word) =>
        Is(word, "explain") || Is(word, "temp") || Is(word, "temporary") || Is(word, "trigger") || Is(word, "end");
}
