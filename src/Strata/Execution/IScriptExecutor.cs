using Strata.Code;
using Strata.History;
using Strata.Sources;

namespace Strata.Execution;

/// <summary>Runs migration SQL on one database connection. Implemented by each dialect.</summary>
public interface IScriptExecutor
{
    /// <summary>
    /// Runs <paramref name="script"/> and <paramref name="change"/> in one transaction, so the migration and its
    /// history row commit together or not at all; returns <see cref="ExecutionOutcome.Skipped"/>, running nothing,
    /// when the change's precondition no longer holds. A streamed script (<see cref="SqlScript.IsStreamed"/>) runs
    /// statement by statement in its transaction and tells <paramref name="progress"/> (when given) how far it is, so
    /// a long migration shows progress. Throws <see cref="Errors.MigrationFailedException"/> with the file position on
    /// a SQL error (nothing of the script remains) and <see cref="Errors.DatabaseUnavailableException"/> when the
    /// connection is lost. <c>migration</c> is the display name, for messages.
    /// </summary>
    Task<ExecutionOutcome> ExecuteAsync(string migration, SqlScript script, HistoryChange change, IProgress<StatementProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="script"/> in one transaction without a history row (<c>strata push</c>: a schema diff
    /// applied directly), sending its statements together where the dialect can (PostgreSQL: one batch, one round
    /// trip). Throws <see cref="Errors.MigrationFailedException"/> located at the failing statement, with nothing of
    /// the script left applied, and <see cref="Errors.DatabaseUnavailableException"/> when the connection is lost
    /// (nothing is committed then either). <c>migration</c> is the display name, for messages.
    /// </summary>
    Task ExecuteInTransactionAsync(string migration, SqlScript script, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="script"/> outside any transaction, statement by statement (each commits on its own).
    /// On failure the exception says which statements had already run.
    /// </summary>
    Task ExecuteStatementsAsync(string migration, SqlScript script, IProgress<StatementProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a C# migration step. Transactional: in one transaction with <paramref name="change"/> (same guarantees
    /// and errors as <see cref="ExecuteAsync"/>; <see cref="ExecutionOutcome.Skipped"/> when the change's
    /// precondition no longer holds). Otherwise without a transaction, and <paramref name="change"/> must be null
    /// (the engine records started and finished states around it).
    /// </summary>
    Task<ExecutionOutcome> ExecuteCodeAsync(string migration, CodeScript script, HistoryChange? change, string environment, CancellationToken cancellationToken);

    /// <summary>The exact SQL that <see cref="ExecuteAsync"/> would send, for <c>--dry-run</c>.</summary>
    string Render(SqlScript script, HistoryChange change);
}
