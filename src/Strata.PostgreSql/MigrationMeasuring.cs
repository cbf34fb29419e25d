using Strata.Execution;
using Strata.PostgreSql.Measuring;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>
/// The measuring role of a PostgreSQL database (<see cref="SchemaRoles.Measuring"/>, ADR 012): probes on scratch
/// databases (<see cref="MigrationProbe"/>), copies of this database (<see cref="DatabaseCopies"/>) and its table sizes
/// (<see cref="TableSizes"/>), each translating the driver's failures into Strata's errors.
/// </summary>
/// <param name="connectionString">The database this role copies and reads sizes of.</param>
internal sealed class MigrationMeasuring(string connectionString) : IMigrationMeasuring
{
    public async Task<IMigrationProbe> OpenProbeAsync(IScratchDatabase database, SessionOptions session, SchemaFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        return await MigrationProbe.OpenAsync(database.ConnectionString, session, filter, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IScratchDatabase> CopyAsync(string display, CancellationToken cancellationToken) =>
        await DatabaseCopies.CreateAsync(connectionString, display, cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyDictionary<QualifiedName, TableSize>> ReadSizesAsync(IReadOnlyCollection<QualifiedName> relations, string display, CancellationToken cancellationToken) =>
        TableSizes.ReadAsync(connectionString, display, relations, cancellationToken);
}
