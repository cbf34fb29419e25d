using Strata.Configuration;
using Strata.Execution;

namespace Strata.Schema;

/// <summary>How a <see cref="SchemaWorkspace"/> works: what the CLI takes from strata.json, the environment and its options.</summary>
public sealed record SchemaWorkspaceOptions
{
    /// <summary>How messages name the configured database (no password); null: the dialect's <see cref="IDialect.DisplayName"/>.</summary>
    public string? DisplayName { get; init; }

    /// <summary>
    /// How migrations are replayed on the scratch database (history table — whose tables every state leaves out and
    /// whose schema no diff touches —, environment, lock timeout, which also bounds the wait for the dev database).
    /// </summary>
    public MigratorOptions Migrator { get; init; } = new();

    /// <summary>An empty database of the same dialect to use instead of scratch databases (<c>devDatabase</c>); null for scratch databases.</summary>
    public DatabaseTarget? DevDatabase { get; init; }

    /// <summary>
    /// True for push (which creates the database) and diff (which shows what push would do): a database that does not
    /// exist yet (an SQLite file) reads as an empty schema, with a note naming it. Otherwise a missing database is
    /// "database not found" (exit 5). Reading never creates it.
    /// </summary>
    public bool MissingDatabaseIsEmpty { get; init; }

    /// <summary>Patterns (<c>kind name</c>, <c>*</c> for any characters) of objects Strata cannot model that are accepted, so not reported (strata.json <c>"unmanaged"</c>).</summary>
    public IReadOnlyList<string> AcceptedUnmanaged { get; init; } = [];

    /// <summary>Told notes, warnings and the timings; null to ignore them.</summary>
    public ISchemaWorkspaceObserver? Observer { get; init; }
}
