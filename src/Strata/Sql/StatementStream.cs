using System.Runtime.CompilerServices;

namespace Strata.Sql;

/// <summary>
/// <see cref="StatementReader"/> over a <see cref="TextReader"/>: finds the same statements, with the same tokens
/// and the same line/column rules, holding only the statement being read (and one chunk ahead) instead of the whole
/// text. The scanners are stateless, so a token the buffer may cut short (one that reaches the buffer's end, or
/// whose end depends on characters not read yet) is scanned again after more text arrived; the amount read then
/// at least doubles, so even a 20 MB string literal is scanned a small constant number of times.
/// </summary>
internal sealed class StatementStream
{
    /// <summary>Characters per read: large enough for few calls, small enough to stay out of the large object heap.</summary>
    public const int DefaultChunk = 32 * 1024;

    /// <summary>Characters a scanner may look at past a token's end (numbers: <c>1e+5</c>).</summary>
    private const int Lookahead = 4;

    private readonly TextWindow _window;
    private readonly Dialect _flavor;
    private readonly int _chunk;
    private readonly IStatementTokenObserver? _observer;
    private int _position;
    private int _start = -1;
    private int _end = -1;
    private int _unterminated = -1;
    private long _observedTo;
    private bool _cut;

    /// <summary>Reads statements of <paramref name="reader"/>'s text, whose first character is at absolute index <paramref name="baseOffset"/> and at <paramref name="lines"/>.</summary>
    public StatementStream(TextReader reader, Dialect dialect, int chunk = DefaultChunk, IStatementTokenObserver? observer = null, long baseOffset = 0, LineTracker? lines = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _window = new TextWindow(reader, chunk, baseOffset, lines ?? new LineTracker());
        _flavor = dialect;
        _chunk = chunk;
        _observer = observer;
        _observedTo = baseOffset;
    }

    /// <summary>The characters held; token and statement indexes refer to it.</summary>
    public ReadOnlySpan<char> Buffer => _window.Span;

    /// <summary>Characters handed to the scanners so far, rescans included (tests check it stays linear).</summary>
    public long ScannedChars { get; private set; }

    /// <summary>The buffer's capacity (tests check that a huge statement's memory is given back).</summary>
    public int Capacity => _window.Capacity;

    /// <summary>The text of <paramref name="statement"/>, valid until the next <see cref="Next"/>.</summary>
    public ReadOnlySpan<char> TextOf(in StreamStatement statement) => _window.Span[statement.Start..statement.End];

    /// <summary>The absolute index of buffer index <paramref name="index"/>.</summary>
    public long AbsoluteOffset(int index) => _window.Base + index;

    /// <summary>Line, column and "only blanks before it on its line" of buffer index <paramref name="index"/> (indexes asked about must not decrease).</summary>
    public (int Line, int Column, bool Blank) PositionAt(int index) => _window.PositionAt(index);

    /// <summary>Called by the observer: the current statement ends before the token it was given, and a new section starts after it.</summary>
    public void EndSection() => _cut = true;

    /// <summary>Reads the next non-empty statement; false at the end of the text.</summary>
    public bool Next(out StreamStatement statement)
    {
        while (true)
        {
            Release();
            if (_position >= _window.Length && _window.Eof)
            {
                statement = default;
                return false;
            }

            if (ReadOne(out statement))
            {
                return true;
            }
        }
    }

    /// <summary>
    /// Gives back the memory a long statement made the buffer grow to; the last statement's buffer indexes are no
    /// longer valid afterwards. <see cref="Next"/> does it anyway; <see cref="SqlSplitter.SplitStream"/> calls it as
    /// soon as it has copied a statement's text, before the statement runs.
    /// </summary>
    public void Release() => _position -= _window.Release(_position);

    /// <summary>The rest of the line that starts at buffer index <paramref name="index"/>, up to its LF or CR (reads on as needed).</summary>
    public ReadOnlySpan<char> LineFrom(int index)
    {
        var searched = index;
        while (true)
        {
            var found = _window.Span[searched..].IndexOfAny('\n', '\r');
            if (found >= 0 || _window.Eof)
            {
                return found >= 0 ? _window.Span.Slice(index, searched + found - index) : _window.Span[index..];
            }

            searched = _window.Length;
            _window.Reach(_window.Length);
        }
    }

    /// <summary>
    /// Skips the data of a <c>COPY … FROM stdin</c> whose statement was the last one read, as psql would: the rest of
    /// its line, then every line up to and including a line <c>\.</c> (or to the end of the text).
    /// </summary>
    public void SkipCopyData()
    {
        _position = _window.SkipCopyData(_position);
        _start = _end = _unterminated = -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadOne(out StreamStatement statement)
    {
        _start = _end = _unterminated = -1;
        var postgres = new PostgreSqlBoundary();
        var sqlite = new SqliteBoundary();
        (int Line, int Column, char Before) at = default;
        while (NextToken(out var token))
        {
            Observe(token);
            if (_cut)
            {
                if (EndSectionAt(token, at, out statement))
                {
                    return true;
                }

                continue;
            }

            if (token.IsTrivia)
            {
                _position = token.End;
                continue;
            }

            if (token.Kind == SqlTokenKind.MetaCommand)
            {
                statement = MetaCommand(token, at);
                return true;
            }

            _position = token.End;
            if (EndsAt(token, ref postgres, ref sqlite))
            {
                statement = _start >= 0 ? Emit(at, token.End, false) : default;
                return _start >= 0;
            }

            at = _start < 0 ? Begin(token.Start) : at;
            _end = token.End;
            _unterminated = token.Kind == SqlTokenKind.Unterminated ? token.Start : _unterminated;
        }

        _position = _window.Length;
        statement = _start >= 0 ? Emit(at, _window.Length, false) : default;
        return _start >= 0;
    }

    /// <summary>
    /// The observer ended the section at <paramref name="token"/>: whatever statement was open ends as at the end of a
    /// text (its boundary state goes with it; with none open, the boundaries are still in their initial state).
    /// </summary>
    private bool EndSectionAt(SqlToken token, (int Line, int Column, char Before) at, out StreamStatement statement)
    {
        _cut = false;
        _position = token.End;
        statement = _start >= 0 ? Emit(at, token.End, false) : default;
        return _start >= 0;
    }

    /// <summary>A meta-command ends the statement before it (and is read again next time), then stands alone.</summary>
    private StreamStatement MetaCommand(SqlToken token, (int Line, int Column, char Before) at)
    {
        var alone = _start < 0;
        _position = alone ? token.End : token.Start;
        if (alone)
        {
            at = Begin(token.Start);
            _end = token.End;
        }

        return Emit(at, alone ? token.End : token.Start, alone);
    }

    private (int Line, int Column, char Before) Begin(int index)
    {
        _start = index;
        var (line, column, _) = _window.PositionAt(index);
        return (line, column, _window.Before(index));
    }

    private StreamStatement Emit((int Line, int Column, char Before) at, int resume, bool isMetaCommand) =>
        new(_start, _end, _window.Base + _start, at.Line, at.Column, _window.Base + resume, isMetaCommand, _unterminated, at.Before);

    private void Observe(SqlToken token)
    {
        var start = _window.Base + token.Start;
        if (_observer is not null && start >= _observedTo)
        {
            _observedTo = start + token.Length;
            _observer.OnToken(this, token);
        }
    }

    /// <summary>The token at the current position, read again after more text arrived when the buffer may have cut it short.</summary>
    private bool NextToken(out SqlToken token)
    {
        while (true)
        {
            if (_position >= _window.Length && _window.Eof)
            {
                token = default;
                return false;
            }

            if (_position < _window.Length && TryScan(out token))
            {
                return true;
            }

            var keep = _start >= 0 ? _start : _position;
            Shift(_window.Fill(keep, Math.Max(_chunk, _window.Length - _position)));
            HugeMemory.CollectIfDropped();
        }
    }

    /// <summary>
    /// Scans the token at the current position; false when more text may change it. Out of line, so that no
    /// reference to a buffer outlives the scan (a collection after the buffer grew can then free the old one).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryScan(out SqlToken token)
    {
        var span = _window.Span;
        token = _flavor == Dialect.Sqlite ? SqliteScanner.Scan(span, _position) : PostgreSqlScanner.Scan(span, _position);
        ScannedChars += token.Length;
        return _window.Eof || IsComplete(span, token);
    }

    /// <summary>
    /// True when more text cannot change <paramref name="token"/>: it ends far enough before the buffer's end, and
    /// it is not a <c>$</c> whose would-be dollar-quote tag runs into the buffer's end.
    /// </summary>
    private bool IsComplete(ReadOnlySpan<char> span, SqlToken token)
    {
        if (token.End + Lookahead > span.Length)
        {
            return false;
        }

        if (_flavor == Dialect.Sqlite || token.Kind != SqlTokenKind.Operator || span[token.Start] != '$')
        {
            return true;
        }

        var j = token.Start + 1;
        if (j < span.Length && LexChars.IsIdentifierStart(span[j]))
        {
            j++;
            while (j < span.Length && LexChars.IsIdentifierPart(span[j]) && span[j] != '$')
            {
                j++;
            }
        }

        return j < span.Length;
    }

    private void Shift(int by)
    {
        if (by == 0)
        {
            return;
        }

        _position -= by;
        _start = _start >= 0 ? _start - by : -1;
        _end = _end >= 0 ? _end - by : -1;
        _unterminated = _unterminated >= 0 ? _unterminated - by : -1;
    }

    /// <summary>True when <paramref name="token"/> is a semicolon that ends the statement; otherwise records it.</summary>
    private bool EndsAt(SqlToken token, ref PostgreSqlBoundary postgres, ref SqliteBoundary sqlite)
    {
        if (token.Kind == SqlTokenKind.Semicolon)
        {
            return _flavor == Dialect.Sqlite ? sqlite.Semicolon() : postgres.SemicolonEnds;
        }

        if (_flavor == Dialect.Sqlite)
        {
            sqlite.Observe(token, _window.Span);
        }
        else
        {
            postgres.Observe(token, _window.Span);
        }

        return false;
    }
}
