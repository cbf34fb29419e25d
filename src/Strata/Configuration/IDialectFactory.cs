using Strata.Execution;
using Strata.Operations;

namespace Strata.Configuration;

/// <summary>
/// What a dialect package contributes to a <see cref="DialectSet"/>: how a resolved <see cref="DatabaseTarget"/> of its
/// <see cref="Dialect"/> becomes an <see cref="IDialect"/> (and its backup role). Each package exposes one as a static
/// property (<c>PostgreSqlDialect.Factory</c>, <c>SqliteDialect.Factory</c>), as golang-migrate's drivers register
/// themselves per URL scheme; the engine references no dialect package.
/// </summary>
public interface IDialectFactory
{
    /// <summary>The engine this factory builds dialects for.</summary>
    Dialect Dialect { get; }

    /// <summary>How this dialect's databases are written: URL schemes, bare forms, environment variables, credentials (ADR 028).</summary>
    IConnectionSyntax Connections { get; }

    /// <summary>The dialect for <paramref name="target"/> (of this factory's <see cref="Dialect"/>), with <paramref name="settings"/>.</summary>
    IDialect Create(DatabaseTarget target, DialectSettings settings);

    /// <summary>
    /// The backup role for <paramref name="target"/>. Throws <see cref="Errors.StrataException"/> (bad input) when the
    /// database cannot be backed up (an in-memory SQLite database).
    /// </summary>
    IDatabaseBackup CreateBackup(DatabaseTarget target, BackupSettings backup, DialectSettings settings);

    /// <summary>
    /// Runs <paramref name="sql"/> read-only on <paramref name="target"/> and returns its first column, one text value
    /// per row (a fleet's <c>--targets-sql</c> on the control database). Throws <see cref="Errors.DatabaseUnavailableException"/>
    /// when the database cannot be reached, and <see cref="Errors.StrataException"/> (bad input) with the database's
    /// message when the query fails or returns a NULL.
    /// </summary>
    Task<IReadOnlyList<string>> ReadColumnAsync(DatabaseTarget target, string sql, CancellationToken cancellationToken);

    /// <summary>
    /// The connection headroom of <paramref name="target"/>'s server as its login sees it (how many more connections it
    /// may open now: the server's limit less reserved slots and open sessions, or the role's own limit when lower), read
    /// before a fleet run fans out; null when the dialect has no such notion (SQLite opens files). Throws
    /// <see cref="Errors.StrataException"/> when the server cannot be reached.
    /// </summary>
    Task<int?> ReadConnectionHeadroomAsync(DatabaseTarget target, CancellationToken cancellationToken);

    /// <summary>
    /// The one-query history read of a schema-per-tenant fleet whose schemas live in <paramref name="target"/>
    /// (<see cref="FleetOptions.HistoryReader"/>), so the tenants already at the head are reported without a session
    /// each; null when the dialect has no schemas (SQLite).
    /// </summary>
    IFleetHistoryReader? CreateSchemaHistories(DatabaseTarget target);
}
