using Strata.Execution;
using Strata.Schema;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// An empty scratch database of the configured engine, kept for one command and emptied between its uses: a provider
/// to migrate it, a reader of its schema, and the dialect's ways to empty and to give it up.
/// </summary>
/// <param name="Provider">Opens sessions on the scratch database.</param>
/// <param name="ReadAsync">Reads its schema, leaving out Strata's own tables.</param>
/// <param name="EmptyAsync">Drops everything in it, so the next use starts from an empty database again.</param>
/// <param name="Release">Drops it (a temporary database) or empties and releases it (the dev database).</param>
internal sealed record ScratchDatabase(
    IDatabaseProvider Provider,
    Func<CancellationToken, Task<DatabaseSchema>> ReadAsync,
    Func<CancellationToken, Task> EmptyAsync,
    IAsyncDisposable Release)
{
    /// <summary>True when the scratch database already holds what the schema files of the content key it was opened with give (nothing to apply).</summary>
    public bool Reused { get; init; }

    /// <summary>Records that it now holds what the schema files of a content key give (the kept PostgreSQL scratch database); null where nothing is kept.</summary>
    public Func<string, CancellationToken, Task>? RememberAsync { get; init; }

    /// <summary>The PostgreSQL connection string of the scratch database (secret: holds the password), for lint's measuring; null for SQLite.</summary>
    public string? ConnectionString { get; init; }
}
