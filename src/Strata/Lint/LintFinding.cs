namespace Strata.Lint;

/// <summary>One place where a rule fired.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Severity">The effective severity (after strata.json).</param>
/// <param name="File">The file, as the user named it or relative to the working directory.</param>
/// <param name="Line">The 1-based line of the statement in the file (0: about the whole file).</param>
/// <param name="Column">The 1-based column (in characters) of the statement.</param>
/// <param name="Message">What was found, naming the object (table, column, index).</param>
/// <param name="Statement">The first line of the statement, for context (empty for file-level findings).</param>
public sealed record LintFinding(LintRule Rule, LintSeverity Severity, string File, int Line, int Column, string Message, string Statement)
{
    /// <summary><c>file:line:column</c>, or the file alone for file-level findings.</summary>
    public string Location => Line > 0 ? $"{File}:{Line}:{Column}" : File;

    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {Rule.Id}: {Message}";
}
