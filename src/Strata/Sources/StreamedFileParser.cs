using Strata.Sql;

namespace Strata.Sources;

/// <summary>
/// <see cref="MigrationFileParser"/> for a file too large to hold: one pass of <see cref="StatementStream"/> over the
/// canonical text applies the directives (through the same <see cref="HeaderDirectives"/>), ends the up section at
/// the <c>-- strata:down</c> line, checks every statement for transaction control and for the problems of
/// <see cref="SqlSplitter.FindProblems"/>, and counts the statements of each section. Only after
/// <c>COPY … FROM stdin</c> (whose data lines are not SQL) does it read that section's rest a second time, as
/// <see cref="SqlSplitter.FindProblems"/> skips the data. Problems come out located and in text order, as the
/// in-memory path reports them.
/// </summary>
internal sealed class StreamedFileParser : IStatementTokenObserver
{
    private readonly Dialect _flavor;
    private readonly int _chunk;
    private readonly HeaderDirectives _directives;
    private readonly List<LocatedProblem> _problems = [];
    private readonly int[] _counts = new int[2];
    private readonly List<TransactionControl.Kind>[] _kinds = [[], []];
    private readonly List<(int Line, int Column, int Length)>[] _ends = [[], []];
    private readonly (long Resume, int Line, int Column)?[] _copyData = new (long, int, int)?[2];
    private (int Line, int Column, bool Blank) _directiveAt;
    private long _markerOffset = -1;
    private int _markerColumn;

    private StreamedFileParser(MigrationFileName name, Dialect dialect, int chunk)
    {
        _flavor = dialect;
        _chunk = chunk;
        _directives = new HeaderDirectives(name, (offset, message) => _problems.Add(new LocatedProblem(offset, _directiveAt.Line, _directiveAt.Column, message)));
    }

    /// <summary>
    /// Parses the canonical text <paramref name="text"/> delivers; <paramref name="reopen"/> gives it again from the
    /// start (needed only after <c>COPY … FROM stdin</c>). The result's problems are in text order.
    /// </summary>
    public static StreamedParse Parse(TextReader text, Func<TextReader> reopen, MigrationFileName name, Dialect dialect, int chunk = StatementStream.DefaultChunk)
    {
        var parser = new StreamedFileParser(name, dialect, chunk);
        parser.ReadAll(text);
        parser.ReadCopyTails(reopen);
        var d = parser._directives;
        if (d.EmptyUpProblem() is { } empty)
        {
            parser._problems.Add(new LocatedProblem(-1, 0, 0, empty));
        }

        var problems = parser._problems.OrderBy(p => p.Offset).ToList();
        var down = d.Marker is not null && d.IsWritten(1) ? parser.Section(1, d.MarkerLine + 1, null) : null;
        var up = parser.Section(0, 1, d.Marker is null ? null : d.MarkerLine);
        return new StreamedParse(problems, up, down, d.Environments);
    }

    /// <inheritdoc />
    public void OnToken(StatementStream stream, SqlToken token)
    {
        if (!token.IsTrivia)
        {
            _directives.Significant(token.Kind);
            return;
        }

        if (token.Kind != SqlTokenKind.LineComment
            || ScriptDirective.TryParse(token.In(stream.Buffer), stream.AbsoluteOffset(token.Start)) is not { } directive)
        {
            if (token.Kind is SqlTokenKind.LineComment or SqlTokenKind.BlockComment)
            {
                _directives.Comment(token.In(stream.Buffer));
            }

            return;
        }

        _directiveAt = stream.PositionAt(token.Start);
        if (_directives.Apply(directive, _directiveAt.Blank, () => _directiveAt.Line))
        {
            _markerOffset = directive.Offset;
            _markerColumn = _directiveAt.Column;
            stream.EndSection();
        }
    }

    private void ReadAll(TextReader text)
    {
        var stream = new StatementStream(text, _flavor, _chunk, this);
        var finding = new[] { true, true };
        while (stream.Next(out var statement))
        {
            var section = _markerOffset >= 0 && statement.Offset > _markerOffset ? 1 : 0;
            _counts[section]++;
            if (!_directives.NoTransaction(section))
            {
                Track(section, stream, statement);
            }

            if (finding[section] && Check(stream, statement))
            {
                // FindProblems skips the data lines that follow; the statements found here do not.
                finding[section] = false;
                var (line, column, _) = stream.PositionAt((int)(statement.Resume - stream.AbsoluteOffset(0)));
                _copyData[section] = (statement.Resume, line, column);
            }
        }
    }

    /// <summary>Keeps the statement's transaction-control kind, and where the section's first and last statements are (the wrapper, if it is one).</summary>
    private void Track(int section, StatementStream stream, StreamStatement statement)
    {
        var text = stream.TextOf(statement);
        _kinds[section].Add(TransactionControl.Classify(text));
        var at = (statement.Line, statement.Column, text.Length);
        if (_ends[section].Count < 2)
        {
            _ends[section].Add(at);
        }
        else
        {
            _ends[section][1] = at;
        }
    }

    /// <summary>The streamed section: its shape applied (see <see cref="TransactionControl"/>).</summary>
    private StreamedSection Section(int section, int firstLine, int? endLine)
    {
        var shape = _directives.NoTransaction(section) ? TransactionControl.Shape.None : TransactionControl.ShapeOf(_kinds[section]);
        var transactional = !_directives.NoTransaction(section) && shape != TransactionControl.Shape.Own;
        var dropped = shape == TransactionControl.Shape.Wrapper ? 2 : 0;
        return new StreamedSection(firstLine, endLine, transactional, _counts[section] - dropped, shape == TransactionControl.Shape.Own)
        {
            Blank = shape == TransactionControl.Shape.Wrapper ? _ends[section] : [],
        };
    }

    /// <summary>Finds the problems of each section's rest after its first <c>COPY … FROM stdin</c>, skipping data as FindProblems does.</summary>
    private void ReadCopyTails(Func<TextReader> reopen)
    {
        for (var section = 0; section < 2; section++)
        {
            var end = section == 0 && _markerOffset >= 0 ? _markerOffset - (_markerColumn - 1) : long.MaxValue;
            if (_copyData[section] is not { } copy || copy.Resume >= end)
            {
                continue;
            }

            using var slice = new TextSlice(reopen(), copy.Resume, end - copy.Resume);
            var stream = new StatementStream(slice, _flavor, _chunk, null, copy.Resume, new LineTracker(copy.Line, copy.Column));
            stream.SkipCopyData();
            while (stream.Next(out var statement))
            {
                if (Check(stream, statement))
                {
                    stream.SkipCopyData();
                }
            }
        }
    }

    /// <summary>The checks of <see cref="SqlSplitter.FindProblems"/> for one statement; true after <c>COPY … FROM stdin</c>.</summary>
    private bool Check(StatementStream stream, StreamStatement statement)
    {
        var text = stream.TextOf(statement);
        if (statement.IsMetaCommand)
        {
            Add(statement, SqlProblemMessages.MetaCommand(text));
            return false;
        }

        if (statement.UnterminatedAt >= 0)
        {
            var (line, column, _) = stream.PositionAt(statement.UnterminatedAt);
            var token = stream.Buffer[statement.UnterminatedAt..statement.End];
            _problems.Add(new LocatedProblem(stream.AbsoluteOffset(statement.UnterminatedAt), line, column, SqlProblemMessages.Unterminated(token, _flavor)));
        }

        if (_flavor == Dialect.Sqlite)
        {
            if (text.Length > 1 && text[0] == '.' && char.IsAsciiLetter(text[1]) && statement.Before is '\n' or '\r' or '\0')
            {
                var line = stream.LineFrom(statement.Start);
                var space = line.IndexOfAny(' ', '\t');
                Add(statement, SqlProblemMessages.DotCommand(space < 0 ? line : line[..space]));
            }

            return false;
        }

        switch (CopyStream.Of(stream.Buffer[..statement.End], statement.Start))
        {
            case CopyStream.Direction.FromStdin:
                Add(statement, SqlProblemMessages.CopyFromStdin);
                return true;
            case CopyStream.Direction.ToStdout:
                Add(statement, SqlProblemMessages.CopyToStdout);
                return false;
            default:
                return false;
        }
    }

    private void Add(StreamStatement statement, string message) =>
        _problems.Add(new LocatedProblem(statement.Offset, statement.Line, statement.Column, message));
}
