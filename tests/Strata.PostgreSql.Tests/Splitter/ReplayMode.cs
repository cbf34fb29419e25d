namespace Strata.PostgreSql.Tests.Splitter;

/// <summary>How a corpus file is handed to Strata (psql always gets the very same bytes).</summary>
public enum ReplayMode
{
    /// <summary>
    /// The file as written: Strata runs it in one transaction with its history row. A file holding a statement
    /// PostgreSQL refuses inside a transaction (<c>CREATE INDEX CONCURRENTLY</c>, <c>VACUUM</c>) must then be
    /// refused as a whole, with the hint to add <c>-- strata:no-transaction</c>.
    /// </summary>
    AsWritten,

    /// <summary>
    /// The file with a <c>-- strata:no-transaction</c> first line (a comment to psql): Strata runs the statements one
    /// by one in autocommit, which is exactly what <c>psql -f</c> does, so every file must then match.
    /// </summary>
    NoTransactionHeader,
}
