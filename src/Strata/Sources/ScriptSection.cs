namespace Strata.Sources;

/// <summary>One section of a migration file as the parser found it.</summary>
/// <param name="Sql">The section's text as written in the file (its own line ends).</param>
/// <param name="FirstLine">The 1-based file line on which <paramref name="Sql"/> starts.</param>
/// <param name="Transactional">False after a <c>-- strata:no-transaction</c> header.</param>
internal sealed record ScriptSection(string Sql, int FirstLine, bool Transactional);
