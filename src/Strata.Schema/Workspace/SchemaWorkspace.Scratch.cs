using Strata.Errors;
using Strata.Execution;

namespace Strata.Schema;

/// <summary>The workspace's one scratch database: opened on first use (the dev database when configured), emptied before each later use.</summary>
public sealed partial class SchemaWorkspace
{
    /// <summary>
    /// Hands an empty scratch database to <paramref name="work"/> (a provider to migrate it, a reader of its schema:
    /// pass <see cref="HistoryFilter"/> to leave Strata's tables out, its connection string to measure on it). The
    /// workspace's scratch database is created on first use and emptied before each later use; the workspace releases
    /// it, so <paramref name="work"/> must not dispose it.
    /// </summary>
    /// <param name="work">What to do on it.</param>
    /// <param name="cancellationToken">Cancels opening or emptying it.</param>
    public Task UseScratchAsync(Func<IScratchDatabase, Task> work, CancellationToken cancellationToken) => UseScratchAsync(null, work, cancellationToken);

    /// <summary>As the public overload; on the first use the scratch database is opened for schema files of <paramref name="contentKey"/> and may come back reused.</summary>
    private async Task UseScratchAsync(string? contentKey, Func<IScratchDatabase, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var first = _scratch is null;
        var scratch = _scratch ??= await Timings.TimeAsync("scratch database ready", () => OpenScratchAsync(contentKey, cancellationToken)).ConfigureAwait(false);
        if (_scratchUsed)
        {
            await Timings.TimeAsync("scratch database emptied", () => scratch.EmptyAsync(cancellationToken)).ConfigureAwait(false);
        }

        _scratchUsed = true;
        await work(new TimedScratch(scratch, Timings, first && scratch.Reused)).ConfigureAwait(false);
    }

    /// <summary>The dev database when one is configured (a dialect without dev databases refuses it), else the dialect's scratch database.</summary>
    private async Task<IScratchDatabase> OpenScratchAsync(string? contentKey, CancellationToken cancellationToken)
    {
        if (_options.DevDatabase is not { } dev)
        {
            return await Roles.Scratch.OpenAsync(contentKey, Display, cancellationToken).ConfigureAwait(false);
        }

        if (Roles.DevDatabase is null)
        {
            throw new ConfigurationException(
                $"a dev database ({dev.DisplayName}) is configured, but {Display} is {Roles.Name}, whose scratch databases are temporary files",
                $"leave devDatabase (and --dev-database, STRATA_DEV_DATABASE_URL) out for {Roles.Name} projects");
        }

        return await Roles.DevDatabase.OpenAsync(dev, Display, _options.Migrator.LockTimeout, _options.Observer is { } observer ? observer.Warning : null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lets <paramref name="fill"/> build the scratch database, and reads it (without Strata's tables). With a
    /// <paramref name="contentKey"/> (schema files), a reused scratch database is not filled again, and a filled one
    /// remembers the key for the next workspace.
    /// </summary>
    private async Task<DatabaseSchema> WithScratchAsync(string? contentKey, Func<IDialect, Task> fill, CancellationToken cancellationToken)
    {
        var schema = DatabaseSchema.Empty;
        await UseScratchAsync(
            contentKey,
            async scratch =>
            {
                if (scratch.Reused)
                {
                    Timings.Add("schema files unchanged, scratch database reused", TimeSpan.Zero);
                }
                else
                {
                    await fill(scratch.Provider).ConfigureAwait(false);
                    if (contentKey is not null)
                    {
                        await scratch.RememberAsync(contentKey, cancellationToken).ConfigureAwait(false);
                    }
                }

                schema = await scratch.ReadAsync(HistoryFilter, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return schema;
    }

    /// <summary>The scratch database as <c>work</c> sees it: reads timed, reused only on its first use, released by the workspace (not by <c>work</c>).</summary>
    private sealed class TimedScratch(IScratchDatabase scratch, SchemaTimings timings, bool reused) : IScratchDatabase
    {
        public IDialect Provider => scratch.Provider;

        public string ConnectionString => scratch.ConnectionString;

        public bool Reused => reused;

        public Task<DatabaseSchema> ReadAsync(SchemaFilter? filter, CancellationToken cancellationToken) =>
            timings.TimeAsync("scratch read", () => scratch.ReadAsync(filter, cancellationToken));

        public Task EmptyAsync(CancellationToken cancellationToken) => timings.TimeAsync("scratch database emptied", () => scratch.EmptyAsync(cancellationToken));

        public Task RememberAsync(string contentKey, CancellationToken cancellationToken) => scratch.RememberAsync(contentKey, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
