using Strata.Schema;

namespace Strata.Sqlite;

/// <summary>The scratch role: a new empty file in the temporary folder each time (<see cref="SqliteScratchDatabase"/>); nothing is kept, so nothing is reused.</summary>
internal sealed class ScratchDatabases : IScratchDatabases
{
    public Task<IScratchDatabase> OpenAsync(string? contentKey, string display, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IScratchDatabase>(SqliteScratchDatabase.Create());
    }
}
