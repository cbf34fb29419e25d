using System.Buffers;
using Strata.Sql;

namespace Strata.Sources;

/// <summary>
/// The directive rules of a migration file, shared by <see cref="MigrationFileParser"/> (whole text) and
/// <see cref="StreamedFileParser"/> (streamed): which section a token is in, whether each section has SQL yet, the
/// <c>-- strata:down</c> marker, <c>-- strata:no-transaction</c> and <c>-- strata:env</c> in the headers. Problems
/// go to the callback with the directive's offset in the canonical text.
/// </summary>
internal sealed class HeaderDirectives
{
    private static readonly SearchValues<char> EnvironmentChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    private readonly MigrationFileName _name;
    private readonly Action<long, string> _problem;
    private readonly bool[] _hasSql = new bool[2];
    private readonly bool[] _hasComment = new bool[2];
    private readonly bool[] _noTransaction = new bool[2];
    private int _markerLine;
    private int _envLine;

    public HeaderDirectives(MigrationFileName name, Action<long, string> problem)
    {
        _name = name;
        _problem = problem;
    }

    /// <summary>0 before the down marker, 1 after it.</summary>
    public int Section { get; private set; }

    /// <summary>The accepted <c>-- strata:down</c> marker, or null.</summary>
    public ScriptDirective? Marker { get; private set; }

    /// <summary>The line of <see cref="Marker"/>.</summary>
    public int MarkerLine => _markerLine;

    /// <summary>The environments of <c>-- strata:env</c>; empty means all.</summary>
    public IReadOnlyList<string> Environments { get; private set; } = [];

    /// <summary>True once a significant token other than a semicolon was seen in <paramref name="section"/>.</summary>
    public bool HasSql(int section) => _hasSql[section];

    /// <summary>
    /// True when <paramref name="section"/> holds SQL or a comment of its own (not a directive, not a line of the
    /// <c>strata new</c> template): such a section is written, even when it is only comments (a no-op).
    /// </summary>
    public bool IsWritten(int section) => _hasSql[section] || _hasComment[section];

    /// <summary>
    /// True when <paramref name="section"/> runs without a transaction: its header holds
    /// <c>-- strata:no-transaction</c>, or, for the down section, the file's header does (one directive covers the
    /// whole file; a down section may also carry its own).
    /// </summary>
    public bool NoTransaction(int section) => _noTransaction[section] || (section == 1 && _noTransaction[0]);

    /// <summary>
    /// The "unwritten" message for an up section without SQL or comments (empty, whitespace only, or only the
    /// <c>strata new</c> template), or null when it is written. A section of comments only is a valid no-op.
    /// </summary>
    public string? EmptyUpProblem() => IsWritten(0)
        ? null
        : Marker is null
            ? "the file contains no SQL statement (it is empty, whitespace only, or only the comments strata new writes); write the migration's SQL, or a comment saying why it does nothing, or delete the file"
            : "there is no SQL before -- strata:down; the up section must not be empty (a comment saying why it does nothing makes it a no-op)";

    /// <summary>Takes a comment of the current section into account (directives are applied, not counted).</summary>
    public void Comment(ReadOnlySpan<char> comment) => _hasComment[Section] |= !TemplateComment.Is(comment);

    /// <summary>Takes a significant (non-trivia) token of the current section into account.</summary>
    public void Significant(SqlTokenKind kind) => _hasSql[Section] |= kind != SqlTokenKind.Semicolon;

    /// <summary>
    /// Applies <paramref name="directive"/>, found on line <paramref name="line"/> (computed only when needed);
    /// <paramref name="aloneOnItsLine"/> tells whether only spaces and tabs precede it there. True when it is the
    /// accepted down marker: the caller ends the up section at the start of that line.
    /// </summary>
    public bool Apply(ScriptDirective directive, bool aloneOnItsLine, Func<int> line)
    {
        switch (directive.Name)
        {
            case ScriptDirective.Down:
                return ApplyDown(directive, aloneOnItsLine, line);
            case ScriptDirective.NoTransaction:
                if (NoArguments(directive) && InHeader(directive))
                {
                    _noTransaction[Section] = true;
                }

                return false;
            case ScriptDirective.Env:
                ApplyEnv(directive, line);
                return false;
            case ScriptDirective.LintIgnore or ScriptDirective.LintIgnoreFile:
                return false;
            default:
                var suggestion = EditDistance.Suggest(directive.Name, ScriptDirective.Known);
                Add(directive, $"unknown directive -- strata:{directive.Name}"
                    + (suggestion is null ? "" : $"; did you mean -- strata:{suggestion}?")
                    + " Strata knows -- strata:no-transaction, -- strata:env <environments>, -- strata:down and -- strata:lint-ignore <rule>");
                return false;
        }
    }

    private bool ApplyDown(ScriptDirective directive, bool aloneOnItsLine, Func<int> line)
    {
        if (_name.Kind == MigrationKind.Repeatable)
        {
            Add(directive, "a repeatable migration has no down script; remove -- strata:down and what follows it");
        }
        else if (_name.Part != MigrationFilePart.Single)
        {
            Add(directive, "-- strata:down splits a single-file migration; in a .up.sql/.down.sql pair the down script is the whole .down.sql file, so remove the marker");
        }
        else if (Marker is not null)
        {
            Add(directive, $"a second -- strata:down (the first is on line {_markerLine}); a file has one down section");
        }
        else if (!aloneOnItsLine)
        {
            Add(directive, "-- strata:down must be alone on its line; put the SQL before it on a line of its own");
        }
        else if (NoArguments(directive))
        {
            Marker = directive;
            _markerLine = line();
            Section = 1;
            return true;
        }

        return false;
    }

    private void ApplyEnv(ScriptDirective directive, Func<int> line)
    {
        if (Section == 1 || _name.Part == MigrationFilePart.Down)
        {
            Add(directive, "-- strata:env belongs in the header of the up script (the down script runs wherever the up script ran); move it there");
            return;
        }

        if (!InHeader(directive))
        {
            return;
        }

        if (_envLine > 0)
        {
            Add(directive, $"a second -- strata:env (the first is on line {_envLine}); list every environment on one line, e.g. -- strata:env development,test");
            return;
        }

        _envLine = line();
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
            Environments = names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }
    }

    private bool InHeader(ScriptDirective directive)
    {
        if (!_hasSql[Section])
        {
            return true;
        }

        var where = Section == 1 ? "right after -- strata:down" : "at the top of the file";
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

    private void Add(ScriptDirective directive, string message) => _problem(directive.Offset, message);
}
