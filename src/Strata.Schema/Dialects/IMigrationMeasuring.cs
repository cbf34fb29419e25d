using Strata.Execution;

namespace Strata.Schema;

/// <summary>
/// Measuring what migrations do (<c>strata lint --measure</c>, <c>--against</c>, <c>--copy-of</c>; ADR 012): run them on
/// a scratch database and read the locks they hold and the relations they rewrite, copy the dialect's database to
/// measure with its rows, and read the sizes of its tables to weigh findings. A capability a dialect may lack: it is
/// <see cref="SchemaRoles.Measuring"/>, null where the dialect cannot measure (SQLite). Driver failures arrive as
/// Strata's typed errors.
/// </summary>
public interface IMigrationMeasuring
{
    /// <summary>
    /// Connects to <paramref name="database"/> (a scratch database or a copy made by <see cref="CopyAsync"/>, never a
    /// real one) to measure migrations there with the executor's <paramref name="session"/> settings;
    /// <paramref name="filter"/> leaves Strata's own tables out of the schemas read.
    /// </summary>
    /// <param name="database">Where the migrations run.</param>
    /// <param name="session">Lock and statement timeouts, as the executor sets them.</param>
    /// <param name="filter">What the schemas before and after each migration keep; null for everything.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    Task<IMigrationProbe> OpenProbeAsync(IScratchDatabase database, SessionOptions session, SchemaFilter? filter, CancellationToken cancellationToken);

    /// <summary>
    /// Copies the dialect's database, schema and rows, as a scratch database dropped on dispose. Throws
    /// <see cref="Errors.StrataException"/>: bad input (exit 2) when the server refuses (someone is connected to the
    /// database, no CREATEDB), unavailable (exit 5) when it cannot be reached.
    /// </summary>
    /// <param name="display">How to name the database in messages (no password).</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    Task<IScratchDatabase> CopyAsync(string display, CancellationToken cancellationToken);

    /// <summary>
    /// The sizes of those of <paramref name="relations"/> the dialect's database has (absent ones left out), from its
    /// catalogs only. Throws <see cref="Errors.DatabaseUnavailableException"/> naming <paramref name="display"/> when it
    /// cannot be read.
    /// </summary>
    /// <param name="relations">The relations to read.</param>
    /// <param name="display">How to name the database in messages (no password).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyDictionary<QualifiedName, TableSize>> ReadSizesAsync(IReadOnlyCollection<QualifiedName> relations, string display, CancellationToken cancellationToken);
}
