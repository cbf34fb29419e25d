namespace Strata.Execution;

/// <summary>
/// Looks at the database itself (not the history) for what an interrupted migration can leave behind. Called only
/// when the history shows a migration that started and did not finish.
/// </summary>
public interface IDatabaseInspector
{
    /// <summary>
    /// Indexes the server marks invalid (PostgreSQL <c>pg_index.indisvalid = false</c>), such as those left by a
    /// <c>CREATE INDEX CONCURRENTLY</c> that was killed, as <c>schema.index</c> names; empty when there are none or the
    /// database has no such notion.
    /// </summary>
    Task<IReadOnlyList<string>> FindInvalidIndexesAsync(CancellationToken cancellationToken);
}
