using Strata.Errors;
using Strata.Sources;

namespace Strata.Schema;

/// <summary>What the schema commands do, one call each: diff, generate's comparison, push, pull and dump.</summary>
public sealed partial class SchemaWorkspace
{
    /// <summary>
    /// <c>strata diff</c> (and what <c>push</c> would do): the configured database compared with what
    /// <paramref name="files"/> declare, both read at the same time. Changes nothing.
    /// </summary>
    /// <param name="files">The desired schema.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<SchemaComparison> DiffAsync(SchemaFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var (desired, current) = await ReadFilesAndDatabaseAsync(files, SchemaFilter.All, cancellationToken).ConfigureAwait(false);
        return Compare(current, desired, files.Renames);
    }

    /// <summary>
    /// <c>strata diff --from migrations</c> and <c>strata generate</c>: what the migrations produce compared with what
    /// <paramref name="files"/> declare (one scratch database: the files, then emptied, then the migrations). The
    /// comparison's <see cref="SchemaComparison.Plan"/> is the next migration's up and down.
    /// </summary>
    /// <param name="files">The desired schema.</param>
    /// <param name="migrations">The migrations; null when there is no migrations folder.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<SchemaComparison> DiffMigrationsAsync(SchemaFiles files, IMigrationSource? migrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var desired = await ReadFilesAsync(files, cancellationToken).ConfigureAwait(false);
        var current = await ReadMigrationsAsync(migrations, cancellationToken).ConfigureAwait(false);
        return Compare(current, desired, files.Renames);
    }

    /// <summary>
    /// <c>strata push</c>: makes the configured database match <paramref name="files"/> directly, in one transaction,
    /// when there are changes and <paramref name="approve"/> (given the comparison: check its destructive changes)
    /// agrees. Returns the comparison and whether its changes were applied.
    /// </summary>
    /// <param name="files">The desired schema.</param>
    /// <param name="approve">Decides whether to apply the changes; null applies them.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<(SchemaComparison Comparison, bool Applied)> PushAsync(SchemaFiles files, Func<SchemaComparison, bool>? approve, CancellationToken cancellationToken)
    {
        var comparison = await DiffAsync(files, cancellationToken).ConfigureAwait(false);
        if (comparison.Changes.IsEmpty || approve?.Invoke(comparison) == false)
        {
            return (comparison, false);
        }

        await ApplyAsync(comparison.Changes, cancellationToken).ConfigureAwait(false);
        return (comparison, true);
    }

    /// <summary>
    /// <c>strata pull</c>: the configured database's schema as it is written to <c>schema.sql</c> (see
    /// <see cref="ForRendering"/>; <see cref="Render"/> gives the text). A pattern of <paramref name="filter"/> that
    /// matches nothing is bad input (exit 2).
    /// </summary>
    /// <param name="filter">Which schemas and tables (Drizzle's <c>schemaFilter</c>/<c>tablesFilter</c>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<DatabaseSchema> PullAsync(SchemaFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var all = await ReadDatabaseAsync(SchemaFilter.All, cancellationToken).ConfigureAwait(false);
        if (all.Unmatched(filter, Roles.DefaultSchema) is { Count: > 0 } unmatched)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"no {string.Join(", no ", unmatched)} in {Display}",
                "check the spelling (* matches any characters); strata pull -o - without --schema and --table shows everything there is");
        }

        return ForRendering(all.Filter(filter));
    }

    /// <summary><c>strata dump</c>: the schema <paramref name="migrations"/> produce on a scratch database, as it is written (<see cref="Render"/> gives the text).</summary>
    /// <param name="migrations">The migrations; null when there is no migrations folder.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<DatabaseSchema> DumpAsync(IMigrationSource? migrations, CancellationToken cancellationToken) =>
        ForRendering(await ReadMigrationsAsync(migrations, cancellationToken).ConfigureAwait(false));

    /// <summary><paramref name="schema"/> as deterministic SQL in the dialect (the same text for the same schema), under a <paramref name="header"/> comment.</summary>
    /// <param name="schema">A state, e.g. from <see cref="PullAsync"/> or <see cref="DumpAsync"/>.</param>
    /// <param name="header">The comment at the top; null for none.</param>
    public string Render(DatabaseSchema schema, string? header = null) => SchemaScript.Render(schema, Renderer, header);
}
