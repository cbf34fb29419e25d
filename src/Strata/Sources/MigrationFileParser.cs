using System.Runtime.CompilerServices;
using Strata.Sql;

namespace Strata.Sources;

/// <summary>
/// Reads a decoded migration file: finds the <c>-- strata:down</c> marker (a line comment alone on its line, found
/// with the lexer so a marker inside a string or dollar quote does not count), applies the header directives
/// (<c>-- strata:no-transaction</c>, <c>-- strata:env</c>) and runs the lexical checks of
/// <see cref="SqlSplitter.FindProblems"/> on each section. Every problem is collected, none thrown. Files too large
/// to hold go through <see cref="StreamedFileParser"/>, which applies the same rules.
/// </summary>
internal sealed class MigrationFileParser
{
    private readonly string _text;
    private readonly string _original;
    private readonly Dialect _flavor;
    private readonly List<FileProblem> _problems;
    private readonly HeaderDirectives _directives;
    private bool _sawUnterminated;
    private int _downStart;

    private MigrationFileParser(DecodedScript script, MigrationFileName name, Dialect dialect, List<FileProblem> problems)
    {
        _text = script.Text;
        _original = script.Original;
        _flavor = dialect;
        _problems = problems;
        _directives = new HeaderDirectives(name, (offset, message) => problems.Add(new FileProblem(offset, message)));
    }

    /// <summary>
    /// Parses the canonical text of <paramref name="script"/> (offsets in problems refer to it); the sections carry
    /// the original text of the same lines. Null when <paramref name="problems"/> gained an entry.
    /// </summary>
    public static ParsedMigrationFile? Parse(DecodedScript script, MigrationFileName name, Dialect dialect, List<FileProblem> problems) =>
        Parse(script, name, dialect, problems, out _);

    /// <summary>
    /// As <see cref="Parse(DecodedScript, MigrationFileName, Dialect, List{FileProblem})"/>, and the sections as read
    /// whatever the problems in <paramref name="readable"/>: <c>strata lint</c> still checks the statements of a file
    /// whose problem is, say, a transaction statement.
    /// </summary>
    public static ParsedMigrationFile? Parse(DecodedScript script, MigrationFileName name, Dialect dialect, List<FileProblem> problems, out ParsedMigrationFile readable)
    {
        var before = problems.Count;
        readable = new MigrationFileParser(script, name, dialect, problems).Run();
        return problems.Count == before ? readable : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ParsedMigrationFile Run()
    {
        var lexer = new SqlLexer(_text, _flavor);
        while (lexer.TryNext(out var token))
        {
            if (!token.IsTrivia)
            {
                _directives.Significant(token.Kind);
                _sawUnterminated |= token.Kind == SqlTokenKind.Unterminated;
            }
            else if (token.Kind == SqlTokenKind.LineComment && ScriptDirective.TryParse(token.In(_text), token.Start) is { } directive)
            {
                Apply(directive);
            }
            else if (token.Kind is SqlTokenKind.LineComment or SqlTokenKind.BlockComment)
            {
                _directives.Comment(token.In(_text));
            }
        }

        var marker = _directives.Marker;
        var upEnd = marker is null ? _text.Length : LineStart((int)marker.Offset);
        var upShape = CheckSection(upEnd == _text.Length ? _text : _text[..upEnd], 0, isDown: false);
        var up = Section(0, upEnd, 1, 0, upShape);
        ScriptSection? down = null;
        if (marker is not null && _directives.IsWritten(1))
        {
            var downShape = CheckSection(_text[_downStart..], _downStart, isDown: true);
            down = Section(_downStart, _text.Length, LineOf(_downStart), 1, downShape);
        }

        return new ParsedMigrationFile(up, down, _directives.Environments);
    }

    /// <summary>The section [start, end) of the file with its transaction shape applied (a dropped wrapper is blanked).</summary>
    private ScriptSection Section(int start, int end, int firstLine, int section, (TransactionControl.Shape Shape, List<(int Start, int End)> Wrapper) shape)
    {
        var text = Original(start, end);
        if (shape.Shape == TransactionControl.Shape.Wrapper)
        {
            text = Blank(text, start, shape.Wrapper);
        }

        var own = shape.Shape == TransactionControl.Shape.Own;
        return new ScriptSection(text, firstLine, !_directives.NoTransaction(section) && !own, OwnTransactions: own);
    }

    /// <summary>
    /// <paramref name="text"/> (the original text of the section starting at canonical offset <paramref name="start"/>)
    /// with the canonical ranges <paramref name="ranges"/> turned into spaces, line ends kept, so lines and columns
    /// of every other statement stay where they are in the file.
    /// </summary>
    private static string Blank(string text, int start, List<(int Start, int End)> ranges)
    {
        var chars = text.ToCharArray();
        foreach (var (from, to) in ranges)
        {
            var a = OriginalOffset(text, from - start);
            var b = OriginalOffset(text, to - start);
            for (var i = a; i < b; i++)
            {
                if (chars[i] is not ('\n' or '\r'))
                {
                    chars[i] = ' ';
                }
            }
        }

        return new string(chars);
    }

    /// <summary>The offset in <paramref name="original"/> of canonical offset <paramref name="canonical"/> (both relative to the section's start); CRLF is one character in the canonical text.</summary>
    private static int OriginalOffset(string original, int canonical)
    {
        var i = 0;
        for (var c = 0; c < canonical && i < original.Length; c++)
        {
            i += original[i] == '\r' && i + 1 < original.Length && original[i + 1] == '\n' ? 2 : 1;
        }

        return i;
    }

    private void Apply(ScriptDirective directive)
    {
        var offset = (int)directive.Offset;
        if (_directives.Apply(directive, LineStart(offset) == SpacesBefore(offset), () => LineOf(offset)))
        {
            var lineEnd = _text.IndexOf('\n', offset);
            _downStart = lineEnd < 0 ? _text.Length : lineEnd + 1;
        }
    }

    /// <summary>Collects the section's problems; returns its transaction shape and, for a wrapper, the canonical ranges of its BEGIN and COMMIT.</summary>
    private (TransactionControl.Shape, List<(int Start, int End)>) CheckSection(string sql, int offset, bool isDown)
    {
        if (!isDown && _directives.EmptyUpProblem() is { } empty)
        {
            _problems.Add(new FileProblem(-1, empty));
        }

        var shape = (TransactionControl.Shape.None, new List<(int Start, int End)>());
        if (!_directives.NoTransaction(isDown ? 1 : 0))
        {
            shape = Shape(sql, offset);
        }

        FindProblems(sql, offset);
        return shape;
    }

    private (TransactionControl.Shape, List<(int Start, int End)>) Shape(string sql, int offset)
    {
        var statements = SqlSplitter.Split(sql, _flavor);
        var kinds = statements.Select(s => TransactionControl.Classify(s.Text)).ToList();
        var shape = TransactionControl.ShapeOf(kinds);
        var wrapper = shape != TransactionControl.Shape.Wrapper
            ? []
            : new List<(int Start, int End)> { Range(statements[0], offset), Range(statements[^1], offset) };
        return (shape, wrapper);
    }

    private static (int Start, int End) Range(SqlStatement statement, int offset) => (offset + statement.Offset, offset + statement.Offset + statement.Text.Length);

    private void FindProblems(string sql, int offset)
    {

        if (!_sawUnterminated && SqlProblemFinder.CannotHaveProblems(_text, _flavor))
        {
            return;
        }

        foreach (var problem in SqlSplitter.FindProblems(sql, _flavor))
        {
            _problems.Add(new FileProblem(offset + problem.Offset, problem.Message));
        }
    }

    private int LineStart(int offset) => offset == 0 ? 0 : _text.LastIndexOf('\n', offset - 1) + 1;

    private int SpacesBefore(int offset)
    {
        while (offset > 0 && _text[offset - 1] is ' ' or '\t')
        {
            offset--;
        }

        return offset;
    }

    /// <summary>The original text of the canonical range [start, end), both line starts or the text's end.</summary>
    private string Original(int start, int end)
    {
        if (_original.Length == _text.Length)
        {
            // No CRLF pairs: offsets match one to one (lone CRs, if any, stay as written).
            return _original[start..end];
        }

        var from = start == 0 ? 0 : OriginalLineStart(LineOf(start));
        var to = end == _text.Length ? _original.Length : OriginalLineStart(LineOf(end));
        return _original[from..to];
    }

    /// <summary>The offset in the original text where 1-based line <paramref name="line"/> starts (CRLF, CR or LF ends lines).</summary>
    private int OriginalLineStart(int line)
    {
        var current = 1;
        for (var i = 0; i < _original.Length; i++)
        {
            if (current == line)
            {
                return i;
            }

            if (_original[i] == '\n' || (_original[i] == '\r' && (i + 1 >= _original.Length || _original[i + 1] != '\n')))
            {
                current++;
            }
        }

        return _original.Length;
    }

    private int LineOf(int offset) => _text.AsSpan(0, offset).Count('\n') + 1;
}
