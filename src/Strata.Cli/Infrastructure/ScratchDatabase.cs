using Strata.Execution;
using Strata.Schema;

namespace Strata.Cli.Infrastructure;

/// <summary>An empty scratch database of the configured engine: a provider to migrate it and a reader of its schema.</summary>
/// <param name="Provider">Opens sessions on the scratch database.</param>
/// <param name="ReadAsync">Reads its schema, leaving out Strata's own tables.</param>
internal sealed record ScratchDatabase(IDatabaseProvider Provider, Func<CancellationToken, Task<DatabaseSchema>> ReadAsync)
{
    /// <summary>The PostgreSQL connection string of the scratch database (secret: holds the password), for lint's measuring; null for SQLite.</summary>
    public string? ConnectionString { get; init; }
}
