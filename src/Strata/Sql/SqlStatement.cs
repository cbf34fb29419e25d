namespace Strata.Sql;

/// <summary>
/// One statement of a script as <see cref="SqlSplitter.Split"/> found it: its text, from its first significant token
/// (leading whitespace and comments skipped) to the end of its last one (trailing comments and the terminating
/// semicolon excluded; comments inside are kept), and where that text starts in the script. Always
/// <c>script.Substring(Offset, Text.Length) == Text</c>.
/// </summary>
/// <param name="Text">The statement text, sent to the server as is.</param>
/// <param name="Offset">The index in the script (UTF-16 code units) where <paramref name="Text"/> starts.</param>
/// <param name="Line">The 1-based line in the script where the statement starts.</param>
/// <param name="Column">The 1-based column (in characters) where the statement starts.</param>
public sealed record SqlStatement(string Text, int Offset, int Line, int Column);
