namespace Strata.LintCompare;

/// <summary>One finding of either linter, pinned to a statement of a written file.</summary>
/// <param name="File">The file.</param>
/// <param name="Statement">The statement's index in the file; -1 for a finding about the whole file.</param>
/// <param name="Line">The 1-based line the linter reported, in the written file.</param>
/// <param name="Column">The 1-based column the linter reported.</param>
/// <param name="Rule">The linter's rule id.</param>
/// <param name="Message">The linter's message.</param>
internal sealed record ToolFinding(ConvertedFile File, int Statement, int Line, int Column, string Rule, string Message);
