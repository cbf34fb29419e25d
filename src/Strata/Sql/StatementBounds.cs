namespace Strata.Sql;

/// <summary>
/// Where one non-empty statement is: from its first significant token (<see cref="Start"/>) to the end of its
/// last one (<see cref="End"/>), the terminating semicolon excluded.
/// </summary>
/// <param name="Start">Index of the first significant token.</param>
/// <param name="End">Index just after the last significant token.</param>
/// <param name="Resume">Index where scanning for the next statement starts (after the semicolon, if any).</param>
/// <param name="IsMetaCommand">True when the statement is a psql meta-command line.</param>
/// <param name="UnterminatedAt">Start of an unterminated token inside the statement, or -1.</param>
internal readonly record struct StatementBounds(int Start, int End, int Resume, bool IsMetaCommand, int UnterminatedAt);
