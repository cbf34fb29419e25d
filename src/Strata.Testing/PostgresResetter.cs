using System.Globalization;
using System.Text;
using Npgsql;

namespace Strata.Testing;

/// <summary>
/// Puts a used clone back into its template's state without cloning again. A table counts as written when it was
/// empty in the template and now has pages (an insert extends the file at once, unlike the statistics counters,
/// which backends report late), or when it held seed rows and now has another row count or a row newer than the
/// rent. The written tables and every table referencing them (foreign keys, transitively) are truncated in one
/// statement, seed rows copied back parents first, and changed sequences set back, all in one transaction.
/// A clone whose schema changed is not reset (the caller drops it).
/// </summary>
internal sealed class PostgresResetter(PostgresSchemaFacts facts)
{
    /// <summary>What the clone looked like untouched.</summary>
    public PostgresSchemaFacts Facts => facts;

    private const string MarkSql = "SELECT (pg_snapshot_xmax(pg_current_snapshot())::text::int8 % 4294967296)::text";

    /// <summary>Reads the facts from a clone nobody has touched yet.</summary>
    public static async Task<PostgresResetter> CreateAsync(string pristineClone, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(pristineClone, cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        return new PostgresResetter(await PostgresSchemaFacts.ReadAsync(connection, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The first transaction id a test can write with; rows with this xmin or newer are the test's.</summary>
    public static async Task<string> MarkAsync(string database, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(database, cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var command = new NpgsqlCommand(MarkSql, connection);
        await using var commandScope = command.ConfigureAwait(false);
        return (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Empties what the test wrote; false when the schema changed and the clone must be dropped instead.</summary>
    public async Task<bool> ResetAsync(string database, string mark, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(database, cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        if (await ScalarAsync(connection, PostgresSchemaFacts.FingerprintSql, cancellationToken).ConfigureAwait(false) != facts.Fingerprint)
        {
            return false;
        }

        var (written, filled) = await WrittenTablesAsync(connection, mark, cancellationToken).ConfigureAwait(false);
        var sequences = await PostgresSchemaFacts.ReadSequencesAsync(connection, cancellationToken).ConfigureAwait(false);
        var changed = sequences.Where(s => !facts.Sequences.TryGetValue(s.Key, out var value) || value != s.Value).Select(s => s.Key).ToList();
        if (written.Count == 0 && changed.Count == 0)
        {
            return true;
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionScope = transaction.ConfigureAwait(false);
        await ExecuteAsync(connection, "SET LOCAL lock_timeout = '5s'", cancellationToken).ConfigureAwait(false);
        if (written.Count > 0)
        {
            await EmptyAsync(connection, written, filled, cancellationToken).ConfigureAwait(false);
        }

        if (changed.Count > 0)
        {
            await ExecuteAsync(connection, RestoreSequencesSql(changed), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Empties the written tables and the filled tables referencing them, then copies seed rows back. As superuser
    /// (triggers skipped), a table still referenced by an empty table outside the set is emptied with DELETE, so
    /// TRUNCATE does not have to rewrite hundreds of empty referencing tables; otherwise all go into one TRUNCATE.
    /// </summary>
    private async Task EmptyAsync(NpgsqlConnection connection, List<long> written, HashSet<long> filled, CancellationToken cancellationToken)
    {
        var (truncate, delete) = Plan(written, filled);
        if (facts.CanSkipTriggers)
        {
            await ExecuteAsync(connection, "SET LOCAL session_replication_role = replica", cancellationToken).ConfigureAwait(false);
        }

        var sql = new StringBuilder();
        if (truncate.Count > 0)
        {
            sql.Append("TRUNCATE ").AppendJoin(", ", truncate.Select(oid => facts.Tables[oid])).Append(';');
        }

        foreach (var oid in delete)
        {
            sql.Append("DELETE FROM ").Append(facts.Tables[oid]).Append(';');
        }

        await ExecuteAsync(connection, sql.ToString(), cancellationToken).ConfigureAwait(false);
        foreach (var oid in ParentsFirst(truncate.Concat(delete).Where(facts.Seeds.ContainsKey)))
        {
            await facts.Seeds[oid].RestoreAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Which tables are truncated and which (referenced by empty tables left out) are emptied by DELETE.</summary>
    internal (List<long> Truncate, List<long> Delete) Plan(List<long> written, HashSet<long> filled)
    {
        if (!facts.CanSkipTriggers)
        {
            return ([.. Closure(written, null).Order()], []);
        }

        var closure = Closure(written, filled);
        var delete = closure.Where(oid => facts.ForeignKeys.Any(k => k.Parent == oid && k.Child != oid && !closure.Contains(k.Child))).Order().ToList();
        return ([.. closure.Except(delete).Order()], delete);
    }

    /// <summary>
    /// The tables to empty: the written ones and, transitively, every table whose foreign keys point at one (only
    /// those in <paramref name="filled"/> when given: an empty table references nothing).
    /// </summary>
    internal HashSet<long> Closure(IEnumerable<long> written, HashSet<long>? filled)
    {
        var closure = new HashSet<long>(written);
        var queue = new Queue<long>(closure);
        while (queue.TryDequeue(out var parent))
        {
            foreach (var (child, _) in facts.ForeignKeys.Where(k => k.Parent == parent))
            {
                if (facts.Tables.ContainsKey(child) && (filled is null || filled.Contains(child)) && closure.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return closure;
    }

    /// <summary>Orders seed tables so a referenced table comes before the tables that reference it (cycles: any order).</summary>
    internal List<long> ParentsFirst(IEnumerable<long> tables)
    {
        var set = tables.ToHashSet();
        var ordered = new List<long>();
        var visiting = new HashSet<long>();
        void Visit(long oid)
        {
            if (ordered.Contains(oid) || !visiting.Add(oid))
            {
                return;
            }

            foreach (var (_, parent) in facts.ForeignKeys.Where(k => k.Child == oid && k.Parent != oid && set.Contains(k.Parent)))
            {
                Visit(parent);
            }

            ordered.Add(oid);
        }

        foreach (var oid in set.Order())
        {
            Visit(oid);
        }

        return ordered;
    }

    /// <summary>The tables written since <paramref name="mark"/>: non-seed tables with pages, seed tables with other rows.</summary>
    internal async Task<(List<long> Written, HashSet<long> Filled)> WrittenTablesAsync(NpgsqlConnection connection, string mark, CancellationToken cancellationToken)
    {
        var written = new List<long>();
        var filled = new HashSet<long>(facts.Seeds.Keys);
        var command = new NpgsqlCommand(PostgresSchemaFacts.TablesSql, connection);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (reader.GetInt64(2) > 0 && filled.Add(reader.GetInt64(0)))
                {
                    written.Add(reader.GetInt64(0));
                }
            }
        }

        if (facts.Seeds.Count == 0)
        {
            return (written, filled);
        }

        var seeds = facts.Seeds.ToList();
        var sql = string.Join(" UNION ALL ", seeds.Select((s, i) =>
            $"SELECT {i.ToString(CultureInfo.InvariantCulture)}, count(*) <> {s.Value.Rows.ToString(CultureInfo.InvariantCulture)} OR coalesce(bool_or(age(xmin) <= age($1::text::xid)), false) FROM {s.Value.Name}"));
        var check = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = mark } } };
        await using var checkScope = check.ConfigureAwait(false);
        var rows = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var rowsScope = rows.ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (rows.GetBoolean(1))
            {
                written.Add(seeds[rows.GetInt32(0)].Key);
            }
        }

        return (written, filled);
    }

    private string RestoreSequencesSql(List<string> changed)
    {
        var sql = new StringBuilder();
        foreach (var name in changed)
        {
            sql.Append(facts.Sequences.TryGetValue(name, out var value) && value is { } last
                ? $"SELECT setval({PgText.Literal(name)}, {last.ToString(CultureInfo.InvariantCulture)}, true);"
                : $"ALTER SEQUENCE {name} RESTART;");
        }

        return sql.ToString();
    }

    private static async Task<NpgsqlConnection> OpenAsync(string database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { ApplicationName = "strata-testing reset" }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static async Task<string?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using var commandScope = command.ConfigureAwait(false);
        return (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, connection);
        await using var commandScope = command.ConfigureAwait(false);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
