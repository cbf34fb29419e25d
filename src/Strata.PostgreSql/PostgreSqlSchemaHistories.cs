using Npgsql;
using Strata.History;
using Strata.Operations;

namespace Strata.PostgreSql;

/// <summary>
/// The one-query no-op path of a schema-per-tenant fleet (<c>strata migrate --schemas</c>): every target's history
/// table (<see cref="FleetTarget.Options"/>' <c>History</c>, one per schema) read from one database in one round trip
/// (a <c>UNION ALL</c> over the schemas whose history table exists), so the tenants already at the head are reported up to
/// date without a session and a lock each.
/// </summary>
/// <param name="connectionString">The database that holds the schemas.</param>
public sealed class PostgreSqlSchemaHistories(string connectionString) : IFleetHistoryReader
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<AppliedMigration>>> ReadAsync(IReadOnlyList<FleetTarget> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var tables = targets.Where(t => t.Options?.History.Schema is not null).ToDictionary(t => t.Name, t => t.Options!.History, StringComparer.Ordinal);
        var rows = tables.Keys.ToDictionary(name => name, _ => new List<AppliedMigration>(), StringComparer.Ordinal);
        if (tables.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<AppliedMigration>>();
        }

        var one = await OneConnection.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using var oneScope = one.ConfigureAwait(false);
        var connection = one.Connection;
        try
        {
            var existing = await ExistingAsync(connection, tables, cancellationToken).ConfigureAwait(false);
            if (existing.Count > 0)
            {
                await ReadRowsAsync(connection, existing, rows, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is NpgsqlException or FormatException or InvalidCastException)
        {
            // Anything unexpected (a history table of another shape, a privilege missing): every target takes the ordinary path.
            return new Dictionary<string, IReadOnlyList<AppliedMigration>>();
        }

        return rows.ToDictionary(r => r.Key, r => (IReadOnlyList<AppliedMigration>)r.Value, StringComparer.Ordinal);
    }

    /// <summary>The targets whose history table exists.</summary>
    private static async Task<List<(string Target, HistoryTableName Table)>> ExistingAsync(NpgsqlConnection connection, Dictionary<string, HistoryTableName> tables, CancellationToken ct)
    {
        var command = new NpgsqlCommand("SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname = ANY($1)", connection);
        await using var commandScope = command.ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. tables.Values.Select(t => t.Schema!).Distinct()] });
        var found = new HashSet<string>(StringComparer.Ordinal);
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                found.Add(reader.GetString(0));
            }
        }

        return [.. tables.Where(t => found.Contains(t.Value.Schema + "." + t.Value.Table)).Select(t => (t.Key, t.Value))];
    }

    private static async Task ReadRowsAsync(NpgsqlConnection connection, List<(string Target, HistoryTableName Table)> existing, Dictionary<string, List<AppliedMigration>> rows, CancellationToken ct)
    {
        var selects = existing.Select((e, i) =>
            $"SELECT {i} AS target, version, name, kind, checksum, batch, applied_at, execution_ms, applied_by, state, id FROM {SqlText.Quote(e.Table.Schema!)}.{SqlText.Quote(e.Table.Table)}");
        var command = new NpgsqlCommand(string.Join("\nUNION ALL ", selects) + "\nORDER BY 1, 11", connection);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows[existing[reader.GetInt32(0)].Target].Add(new AppliedMigration
            {
                Version = reader.IsDBNull(1) ? null : reader.GetInt64(1),
                Name = reader.GetString(2),
                Kind = HistoryValues.ParseKind(reader.GetString(3)),
                Checksum = reader.IsDBNull(4) ? null : reader.GetString(4),
                Batch = reader.GetInt32(5),
                AppliedAt = reader.GetFieldValue<DateTimeOffset>(6),
                ExecutionMs = reader.GetInt64(7),
                AppliedBy = reader.GetString(8),
                State = HistoryValues.ParseState(reader.GetString(9)),
            });
        }
    }
}
