namespace Strata.Sql;

/// <summary>
/// A problem <see cref="SqlSplitter.FindProblems"/> found before any database is touched: an unterminated quote
/// or comment, a psql meta-command, <c>COPY … FROM stdin</c>. The caller maps <see cref="Offset"/> to a file line
/// and column (see <see cref="TextPositions"/>).
/// </summary>
/// <param name="Offset">The UTF-16 index in the checked text where the offending construct starts.</param>
/// <param name="Message">What is wrong and how to fix it, without a location prefix.</param>
public readonly record struct SqlProblem(int Offset, string Message);
