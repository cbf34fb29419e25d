using System.Buffers;
using System.Runtime.CompilerServices;
using Strata.Sql;

namespace Strata.Sources;

/// <summary>
/// Reads a decoded migration file: finds the <c>-- strata:down</c> marker (a line comment alone on its line, found
/// with the lexer so a marker inside a string or dollar quote does not count), applies the header directives
/// (<c>-- strata:no-transaction</c>, <c>-- strata:env</c>) and runs the lexical checks of
/// <see cref="SqlSplitter.FindProblems"/> on each section. Every problem is collected, none thrown.
/// </summary>
internal sealed class MigrationFileParser
{
    private static readonly SearchValues<char> EnvironmentChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    private readonly string _text;
    private readonly string _original;
    private readonly MigrationFileName _name;
    private readonly SqlFlavor _flavor;
    private readonly List<FileProblem> _problems;
    private readonly bool[] _hasSql = new bool[2];
    private readonly bool[] _noTransaction = new bool[2];
    private int _section;
    private bool _sawUnterminated;
    private ScriptDirective? _marker;
    private int _downStart;
    private ScriptDirective? _env;
    private List<string> _environments = [];

    private MigrationFileParser(DecodedScript script, MigrationFileName name, SqlFlavor flavor, List<FileProblem> problems)
    {
        _text = script.Text;
        _original = script.Original;
        _name = name;
        _flavor = flavor;
        _problems = problems;
    }

    /// <summary>
    /// Parses the canonical text of <paramref name="script"/> (offsets in problems refer to it); the sections carry
    /// the original text of the same lines. Null when <paramref name="problems"/> gained an entry.
    /// </summary>
    public static ParsedMigrationFile? Parse(DecodedScript script, MigrationFileName name, SqlFlavor flavor, List<FileProblem> problems)
    {
        var before = problems.Count;
        var result = new MigrationFileParser(script, name, flavor, problems).Run();
        return problems.Count == before ? result : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ParsedMigrationFile Run()
    {
        var lexer = new SqlLexer(_text, _flavor);
        while (lexer.TryNext(out var token))
        {
            if (!token.IsTrivia)
            {
                _hasSql[_section] |= token.Kind != SqlTokenKind.Semicolon;
                _sawUnterminated |= token.Kind == SqlTokenKind.Unterminated;
            }
            else if (token.Kind == SqlTokenKind.LineComment && ScriptDirective.TryParse(token.In(_text), token.Start) is { } directive)
            {
                Apply(directive);
            }
        }

        var upEnd = _marker is null ? _text.Length : LineStart(_marker.Offset);
        CheckSection(upEnd == _text.Length ? _text : _text[..upEnd], 0, isDown: false);
        var up = new ScriptSection(Original(0, upEnd), 1, !_noTransaction[0]);
        ScriptSection? down = null;
        if (_marker is not null && _hasSql[1])
        {
            CheckSection(_text[_downStart..], _downStart, isDown: true);
            down = new ScriptSection(Original(_downStart, _text.Length), LineOf(_downStart), !_noTransaction[1]);
        }

        return new ParsedMigrationFile(up, down, _environments);
    }

    private void Apply(ScriptDirective directive)
    {
        switch (directive.Name)
        {
            case ScriptDirective.Down:
                ApplyDown(directive);
                break;
            case ScriptDirective.NoTransaction:
                if (NoArguments(directive) && InHeader(directive))
                {
                    _noTransaction[_section] = true;
                }

                break;
            case ScriptDirective.Env:
                ApplyEnv(directive);
                break;
            default:
                var suggestion = EditDistance.Suggest(directive.Name, ScriptDirective.Known);
                Add(directive, $"unknown directive -- strata:{directive.Name}"
                    + (suggestion is null ? "" : $"; did you mean -- strata:{suggestion}?")
                    + " Strata knows -- strata:no-transaction, -- strata:env <environments> and -- strata:down");
                break;
        }
    }

    private void ApplyDown(ScriptDirective directive)
    {
        if (_name.Kind == MigrationKind.Repeatable)
        {
            Add(directive, "a repeatable migration has no down script; remove -- strata:down and what follows it");
        }
        else if (_name.Part != MigrationFilePart.Single)
        {
            Add(directive, "-- strata:down splits a single-file migration; in a .up.sql/.down.sql pair the down script is the whole .down.sql file, so remove the marker");
        }
        else if (_marker is not null)
        {
            Add(directive, $"a second -- strata:down (the first is on line {LineOf(_marker.Offset)}); a file has one down section");
        }
        else if (LineStart(directive.Offset) != SpacesBefore(directive.Offset))
        {
            Add(directive, "-- strata:down must be alone on its line; put the SQL before it on a line of its own");
        }
        else if (NoArguments(directive))
        {
            _marker = directive;
            var lineEnd = _text.IndexOf('\n', directive.Offset);
            _downStart = lineEnd < 0 ? _text.Length : lineEnd + 1;
            _section = 1;
        }
    }

    private void ApplyEnv(ScriptDirective directive)
    {
        if (_section == 1 || _name.Part == MigrationFilePart.Down)
        {
            Add(directive, "-- strata:env belongs in the header of the up script (the down script runs wherever the up script ran); move it there");
            return;
        }

        if (!InHeader(directive))
        {
            return;
        }

        if (_env is not null)
        {
            Add(directive, $"a second -- strata:env (the first is on line {LineOf(_env.Offset)}); list every environment on one line, e.g. -- strata:env development,test");
            return;
        }

        _env = directive;
        var names = directive.Arguments.Split(',', StringSplitOptions.TrimEntries);
        if (directive.Arguments.Length == 0 || names.Any(n => n.Length == 0))
        {
            Add(directive, "-- strata:env needs a comma-separated list of environments without empty entries, e.g. -- strata:env development,test");
        }
        else if (names.FirstOrDefault(n => n.AsSpan().ContainsAnyExcept(EnvironmentChars)) is { } bad)
        {
            Add(directive, $"'{bad}' is not an environment name (letters, digits, '_' and '-'); write e.g. -- strata:env development,test");
        }
        else
        {
            _environments = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }

    private bool InHeader(ScriptDirective directive)
    {
        if (!_hasSql[_section])
        {
            return true;
        }

        var where = _section == 1 ? "right after -- strata:down" : "at the top of the file";
        Add(directive, $"-- strata:{directive.Name} must be in the header, {where} before the first statement; move it there");
        return false;
    }

    private bool NoArguments(ScriptDirective directive)
    {
        if (directive.Arguments.Length == 0)
        {
            return true;
        }

        Add(directive, $"-- strata:{directive.Name} takes nothing after it; put remarks on a comment line of their own");
        return false;
    }

    private void CheckSection(string sql, int offset, bool isDown)
    {
        if (!isDown && !_hasSql[0])
        {
            _problems.Add(new FileProblem(-1, _marker is null
                ? "the file contains no SQL statement (only comments or whitespace); write the migration's SQL or delete the file"
                : "there is no SQL before -- strata:down; the up section must not be empty"));
        }

        if (!_noTransaction[isDown ? 1 : 0])
        {
            CheckTransactionControl(sql, offset);
        }

        if (!_sawUnterminated && SqlProblemFinder.CannotHaveProblems(_text, _flavor))
        {
            return;
        }

        foreach (var problem in SqlSplitter.FindProblems(sql, _flavor))
        {
            _problems.Add(new FileProblem(offset + problem.Offset, problem.Message));
        }
    }

    private void Add(ScriptDirective directive, string message) => _problems.Add(new FileProblem(directive.Offset, message));

    private int LineStart(int offset) => offset == 0 ? 0 : _text.LastIndexOf('\n', offset - 1) + 1;

    private int SpacesBefore(int offset)
    {
        while (offset > 0 && _text[offset - 1] is ' ' or '\t')
        {
            offset--;
        }

        return offset;
    }

    /// <summary>
    /// BEGIN/COMMIT/ROLLBACK in a transactional section would commit part of the migration early and write the
    /// history row outside its transaction (psql-style files often wrap themselves in BEGIN; … COMMIT;).
    /// </summary>
    private void CheckTransactionControl(string sql, int offset)
    {
        foreach (var statement in SqlSplitter.Split(sql, _flavor))
        {
            var words = statement.Text.Split((char[])[' ', '\t', '\r', '\n', ';'], 3, StringSplitOptions.RemoveEmptyEntries);
            var first = words.Length > 0 ? words[0].ToUpperInvariant() : "";
            var second = words.Length > 1 ? words[1].ToUpperInvariant() : "";
            var control = first is "BEGIN" or "COMMIT" or "END" or "ABORT" or "START"
                || (first == "ROLLBACK" && second != "TO");
            if (control && !(first == "START" && second != "TRANSACTION"))
            {
                _problems.Add(new FileProblem(offset + statement.Offset,
                    $"{first} controls the transaction, but Strata already runs this migration in one transaction together with its history row, "
                    + $"so {first} would commit or abandon part of it; remove the transaction statements, or put -- strata:no-transaction on the first line"));
            }
        }
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
