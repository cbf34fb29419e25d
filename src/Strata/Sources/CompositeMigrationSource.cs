using System.Globalization;
using Strata.Errors;

namespace Strata.Sources;

/// <summary>
/// Several sources as one: a folder of SQL files, embedded SQL resources and C# migrations sharing one version
/// order. Two sources using the same version, or the same repeatable name, is an error naming both.
/// </summary>
public sealed class CompositeMigrationSource : IMigrationSource
{
    private readonly IReadOnlyList<IMigrationSource> _sources;

    /// <summary>Combines <paramref name="sources"/>.</summary>
    public CompositeMigrationSource(params IEnumerable<IMigrationSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources.ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Migration>> LoadAsync(Dialect dialect, CancellationToken cancellationToken)
    {
        var all = new List<Migration>();
        var problems = new List<Problem>();
        var readable = new List<Migration>();
        foreach (var source in _sources)
        {
            try
            {
                all.AddRange(await source.LoadAsync(dialect, cancellationToken).ConfigureAwait(false));
            }
            catch (MigrationSourceException e)
            {
                problems.AddRange(e.Problems);
                readable.AddRange(e.Readable);
            }
        }

        foreach (var clash in all.GroupBy(m => m.Kind == MigrationKind.Versioned ? m.Version!.Value.ToString(CultureInfo.InvariantCulture) : "R__" + m.Name).Where(g => g.Count() > 1))
        {
            problems.Add(new Problem(clash.First().SourcePath, $"{clash.Key} is also defined by {string.Join(" and ", clash.Skip(1).Select(m => m.SourcePath))}; give each migration its own version"));
        }

        if (problems.Count > 0)
        {
            throw new MigrationSourceException(problems, Ordered(all.Concat(readable)));
        }

        return Ordered(all);
    }

    private static List<Migration> Ordered(IEnumerable<Migration> migrations) => migrations
        .OrderBy(m => m.Kind)
        .ThenBy(m => m.Version)
        .ThenBy(m => m.Name, StringComparer.Ordinal)
        .ToList();
}
