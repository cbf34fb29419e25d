namespace Strata.Sql;

/// <summary>
/// One statement found by <see cref="StatementStream"/>. <see cref="Start"/>, <see cref="End"/> and
/// <see cref="UnterminatedAt"/> index the stream's buffer and hold only until the next
/// <see cref="StatementStream.Next"/>; the other positions are absolute.
/// </summary>
/// <param name="Start">Buffer index of the first significant token.</param>
/// <param name="End">Buffer index just after the last significant token (the semicolon excluded).</param>
/// <param name="Offset">Absolute index (UTF-16 units from the start of the text) of <paramref name="Start"/>.</param>
/// <param name="Line">1-based line of the statement's start.</param>
/// <param name="Column">1-based column (in characters) of the statement's start.</param>
/// <param name="Resume">Absolute index where reading continues (after the semicolon, if any).</param>
/// <param name="IsMetaCommand">True for a psql meta-command line.</param>
/// <param name="UnterminatedAt">Buffer index of an unterminated token inside the statement, or -1.</param>
/// <param name="Before">The character just before the statement ('\0' at the start of the text).</param>
internal readonly record struct StreamStatement(
    int Start, int End, long Offset, int Line, int Column, long Resume, bool IsMetaCommand, int UnterminatedAt, char Before);
