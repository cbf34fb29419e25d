using Strata.Execution;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>The dev database handed out as a scratch database: released by emptying it; a failure to empty it is a warning, not an error.</summary>
internal sealed class DevScratch(PostgreSqlDevDatabase database, string display, Action<string>? warning) : IScratchDatabase
{
    public IDialect Provider => new PostgreSqlDialect(database.ConnectionString);

    public string ConnectionString => database.ConnectionString;

    public bool Reused => false;

    public Task<DatabaseSchema> ReadAsync(SchemaFilter? filter, CancellationToken cancellationToken) => database.ReadAsync(filter, cancellationToken);

    public Task EmptyAsync(CancellationToken cancellationToken) => database.EmptyAsync(cancellationToken);

    /// <summary>Nothing: a dev database is emptied after each command, never reused (ADR 024).</summary>
    public Task RememberAsync(string contentKey, CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (await database.EmptyAndReleaseAsync().ConfigureAwait(false) is { } problem)
        {
            warning?.Invoke($"could not empty the dev database {display}: {problem}");
        }
    }
}
