using Npgsql;
using Strata.Schema;

namespace Strata.PostgreSql.Measuring;

/// <summary>
/// One look at the catalogs from the measuring session, in one round trip: the user relations with their data files
/// (<c>pg_class.relfilenode</c>) and the relation locks the session holds (<c>pg_locks</c> for <c>pg_backend_pid()</c>).
/// System schemas (pg_catalog, information_schema, TOAST, temporary) are left out, so the catalog reads themselves
/// never show up as locks.
/// </summary>
internal sealed class CatalogState
{
    private const string RelationsSql =
        """
        SELECT c.oid, n.nspname::text, c.relname::text, c.relkind::text, c.relfilenode, coalesce(i.indrelid, c.oid)
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid
        WHERE c.relkind IN ('r', 'p', 'm', 'v', 'f', 'S', 'i', 'I')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND n.nspname NOT LIKE 'pg\_temp\_%' AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
        """;

    private const string LocksSql =
        """
        SELECT l.relation, l.mode
        FROM pg_catalog.pg_locks l
        WHERE l.pid = pg_catalog.pg_backend_pid() AND l.locktype = 'relation' AND l.granted
          AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())
        """;

    private CatalogState(IReadOnlyDictionary<uint, ProbedRelation> relations, IReadOnlySet<(uint Oid, string Mode)> locks)
    {
        Relations = relations;
        Locks = locks;
    }

    /// <summary>The user relations by oid.</summary>
    public IReadOnlyDictionary<uint, ProbedRelation> Relations { get; }

    /// <summary>The relation locks held by the session (oid and mode as <see cref="HeldLock.ModeOf"/> words it); empty when not read.</summary>
    public IReadOnlySet<(uint Oid, string Mode)> Locks { get; }

    /// <summary>Reads the relations, and the session's locks when <paramref name="withLocks"/>.</summary>
    public static async Task<CatalogState> ReadAsync(NpgsqlConnection connection, bool withLocks, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection) { BatchCommands = { new NpgsqlBatchCommand(RelationsSql) } };
        if (withLocks)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(LocksSql));
        }

        await using (batch.ConfigureAwait(false))
        {
            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<(uint Oid, QualifiedName Name, char Kind, uint FileNode, uint Owner)>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.GetFieldValue<uint>(0), new QualifiedName(reader.GetString(1), reader.GetString(2)), reader.GetString(3)[0], reader.GetFieldValue<uint>(4), reader.GetFieldValue<uint>(5)));
                }

                var names = rows.ToDictionary(r => r.Oid, r => r.Name);
                var relations = rows.ToDictionary(
                    r => r.Oid,
                    r => new ProbedRelation(r.Oid, r.Name, r.Kind, r.FileNode, names.TryGetValue(r.Owner, out var table) ? table : r.Name));
                var locks = new HashSet<(uint, string)>();
                if (withLocks && await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        locks.Add((reader.GetFieldValue<uint>(0), HeldLock.ModeOf(reader.GetString(1))));
                    }
                }

                return new CatalogState(relations, locks);
            }
        }
    }
}
