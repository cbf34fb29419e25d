using System.Data.Common;
using Npgsql;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>
/// Reads a PostgreSQL database's schema into a <see cref="DatabaseSchema"/>: schemas, extensions, collations, tables
/// (partitioned, partitions, inheritance, unlogged, storage parameters) and columns (types, nullability, defaults,
/// identity and its sequence options, generated, storage), keys, checks and exclusion constraints, indexes, extended
/// statistics, enums, domains, composite and range types, sequences, views, materialized views, functions, procedures,
/// aggregates, operators, casts, triggers, rules, policies, event triggers, publications, grants (tables, columns, sequences,
/// schemas, routines, types), default privileges and comments; what it cannot model it lists in
/// <see cref="DatabaseSchema.Unmanaged"/>. All catalog queries
/// go to the server in one batch (one round trip, no query per object), so a 1,000-table schema reads in well under a
/// second. Called by the CLI's <c>pull</c>, <c>dump</c>, <c>diff</c>, <c>generate</c>, <c>push</c>, and by lint, verify
/// and the bench harness. Connection failures surface as <see cref="NpgsqlException"/>; the caller translates them.
/// </summary>
public static class PostgreSqlSchemaIntrospector
{
    /// <summary>Reads the schema of the database <paramref name="connectionString"/> points at.</summary>
    public static async Task<DatabaseSchema> ReadAsync(string connectionString, SchemaFilter? filter, CancellationToken cancellationToken)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (dataSource.ConfigureAwait(false))
        {
            return await ReadAsync(dataSource, filter, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the schema through a connection from <paramref name="dataSource"/>.</summary>
    public static async Task<DatabaseSchema> ReadAsync(NpgsqlDataSource dataSource, SchemaFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReadAsync(connection, filter, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the schema through an open <paramref name="connection"/> (left open).</summary>
    public static async Task<DatabaseSchema> ReadAsync(NpgsqlConnection connection, SchemaFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var queries = SchemaQueries.For(CatalogSql.VersionNumber(connection.PostgreSqlVersion));
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            foreach (var query in queries)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(query.Sql));
            }

            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var builder = new SchemaBuilder();
                foreach (var query in queries)
                {
                    query.Read(await ReadRowsAsync(reader, cancellationToken).ConfigureAwait(false), builder);
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }

                var schema = builder.Build();
                return filter is null ? schema : schema.Filter(filter);
            }
        }
    }

    private static async Task<List<object?[]>> ReadRowsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = values[i] is DBNull ? null : values[i];
            }

            rows.Add(values);
        }

        return rows;
    }
}
