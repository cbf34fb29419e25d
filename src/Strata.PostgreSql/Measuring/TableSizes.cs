using Npgsql;
using NpgsqlTypes;
using Strata.Schema;

namespace Strata.PostgreSql.Measuring;

/// <summary>
/// Reads the size of named relations of a target database (<c>strata lint --against</c>) in one catalog query:
/// estimated rows (<c>pg_class.reltuples</c>, or <c>pg_stat_user_tables.n_live_tup</c> when larger, e.g. before the
/// first ANALYZE) and bytes (<c>pg_total_relation_size</c>), summed over the leaf partitions of a partitioned table.
/// Reads catalogs only, so a hot standby works. A failure (unreachable, or the server refused the query) is a
/// <see cref="Errors.DatabaseUnavailableException"/> naming the database and the server's message.
/// </summary>
internal static class TableSizes
{
    private const string Sql =
        """
        SELECT t.schema, t.name, c.relkind::text,
               coalesce(sum(greatest(p.reltuples::float8, coalesce(s.n_live_tup, 0)::float8, 0)), 0)::bigint,
               coalesce(sum(pg_catalog.pg_total_relation_size(p.oid)), 0)::bigint
        FROM unnest($1::text[], $2::text[]) AS t(schema, name)
        JOIN pg_catalog.pg_namespace n ON n.nspname = t.schema
        JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = t.name
        LEFT JOIN LATERAL (SELECT x.relid FROM pg_catalog.pg_partition_tree(c.oid) x WHERE x.isleaf AND c.relkind = 'p') leaf ON true
        JOIN pg_catalog.pg_class p ON p.oid = coalesce(leaf.relid, c.oid)
        LEFT JOIN pg_catalog.pg_stat_user_tables s ON s.relid = p.oid
        GROUP BY t.schema, t.name, c.relkind
        """;

    /// <summary>The sizes of those of <paramref name="relations"/> the database has; absent ones are left out.</summary>
    /// <param name="connectionString">The target database (an Npgsql keyword string).</param>
    /// <param name="display">How messages name the target (no password), e.g. <c>postgres://app@db:5432/shop</c>.</param>
    /// <param name="relations">The relations to read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<IReadOnlyDictionary<QualifiedName, TableSize>> ReadAsync(
        string connectionString, string display, IReadOnlyCollection<QualifiedName> relations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(relations);
        try
        {
            return await QueryAsync(connectionString, relations, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw new Errors.DatabaseUnavailableException(
                $"cannot read the table sizes of {display}: {(e is PostgresException refused ? refused.MessageText : e.Message)}",
                "check that the --against database is reachable and that the role may read pg_class and pg_stat_user_tables",
                null);
        }
    }

    private static async Task<Dictionary<QualifiedName, TableSize>> QueryAsync(string connectionString, IReadOnlyCollection<QualifiedName> relations, CancellationToken cancellationToken)
    {
        var result = new Dictionary<QualifiedName, TableSize>();
        if (relations.Count == 0)
        {
            return result;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "strata";
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var command = new NpgsqlCommand(Sql, connection)
            {
                Parameters =
                {
                    new NpgsqlParameter { Value = relations.Select(r => r.Schema ?? "public").ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                    new NpgsqlParameter { Value = relations.Select(r => r.Name).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                },
            };
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        result[new QualifiedName(reader.GetString(0), reader.GetString(1))] = new TableSize(reader.GetString(2)[0], reader.GetInt64(3), reader.GetInt64(4));
                    }
                }
            }
        }

        return result;
    }
}
