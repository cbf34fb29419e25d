namespace Strata.Sources;

/// <summary>One section of a migration file as the parser found it.</summary>
/// <param name="Sql">The section's text as written in the file (its own line ends); empty when <paramref name="Open"/> is set.</param>
/// <param name="FirstLine">The 1-based file line on which <paramref name="Sql"/> starts.</param>
/// <param name="Transactional">False after a <c>-- strata:no-transaction</c> header.</param>
/// <param name="Open">For a streamed file: opens the section's text again; null when the text is held.</param>
/// <param name="StatementCount">For a streamed file: how many statements the section holds.</param>
/// <param name="OwnTransactions">True when the section controls its transactions itself (see <see cref="TransactionControl"/>) and so runs as written.</param>
internal sealed record ScriptSection(string Sql, int FirstLine, bool Transactional, Func<TextReader>? Open = null, int StatementCount = 0, bool OwnTransactions = false)
{
    /// <summary>The script users and executors see.</summary>
    public SqlScript ToScript(string path) => Open is null
        ? new SqlScript(Sql, path, FirstLine, Transactional) { ManagesTransactions = OwnTransactions }
        : new SqlScript(Open, path, FirstLine, Transactional, StatementCount) { ManagesTransactions = OwnTransactions };
}
