namespace Strata.Lint;

/// <summary>One place where a rule fired.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Severity">The effective severity (after strata.json).</param>
/// <param name="File">The file, as the user named it or relative to the working directory.</param>
/// <param name="Line">The 1-based line of the statement in the file (0: about the whole file).</param>
/// <param name="Column">The 1-based column (in characters) of the statement.</param>
/// <param name="Message">What was found, naming the object (table, column, index).</param>
/// <param name="Statement">The statement's whole text (empty for file-level findings).</param>
public sealed record LintFinding(LintRule Rule, LintSeverity Severity, string File, int Line, int Column, string Message, string Statement)
{
    /// <summary><c>file:line:column</c>, or the file alone for file-level findings.</summary>
    public string Location => Line > 0 ? $"{File}:{Line}:{Column}" : File;

    /// <summary>The statement's first line, at most 120 characters: what a terminal shows.</summary>
    public string StatementFirstLine
    {
        get
        {
            var end = Statement.AsSpan().IndexOfAny('\r', '\n');
            var line = end < 0 ? Statement : Statement[..end];
            return line.Length > 120 ? line[..117] + "..." : line;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {Rule.Id}: {Message}";
}
