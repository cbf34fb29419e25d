using System.Collections.Concurrent;
using Strata.Sources;

namespace Strata.Operations;

/// <summary>A fleet run's migrations source: the folder is read and checksummed once per SQL flavour, not once per target.</summary>
internal sealed class LoadOnceSource(IMigrationSource inner) : IMigrationSource
{
    private readonly ConcurrentDictionary<Dialect, Lazy<Task<IReadOnlyList<Migration>>>> _loaded = new();

    public Task<IReadOnlyList<Migration>> LoadAsync(Dialect dialect, CancellationToken cancellationToken) =>
        _loaded.GetOrAdd(dialect, f => new Lazy<Task<IReadOnlyList<Migration>>>(() => inner.LoadAsync(f, cancellationToken))).Value;
}
