using Strata.Execution;

namespace Strata.Sqlite;

/// <summary>SQLite builds indexes inside transactions: an interrupted migration cannot leave an invalid one.</summary>
internal sealed class DatabaseInspector : IDatabaseInspector
{
    public Task<IReadOnlyList<string>> FindInvalidIndexesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
