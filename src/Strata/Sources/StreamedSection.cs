namespace Strata.Sources;

/// <summary>A section of a streamed file, by lines (the same in the original and the canonical text).</summary>
/// <param name="FirstLine">The 1-based line where the section starts.</param>
/// <param name="EndLine">The line where the next section starts (excluded), or null for the end of the file.</param>
/// <param name="Transactional">False after a <c>-- strata:no-transaction</c> header.</param>
/// <param name="StatementCount">How many statements the section holds.</param>
/// <param name="OwnTransactions">True when the section controls its transactions and so runs as written.</param>
internal sealed record StreamedSection(int FirstLine, int? EndLine, bool Transactional, int StatementCount, bool OwnTransactions = false)
{
    /// <summary>The statements blanked when the section is read (an outer BEGIN … COMMIT wrapper): file line, column and length.</summary>
    public IReadOnlyList<(int Line, int Column, int Length)> Blank { get; init; } = [];
}
