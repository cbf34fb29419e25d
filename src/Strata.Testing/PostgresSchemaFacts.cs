using Npgsql;

namespace Strata.Testing;

/// <summary>
/// What a pristine clone (equal to its template) looks like, for <see cref="PostgresResetter"/>: its user tables,
/// which of them hold rows (seed data, kept as binary COPY), the foreign keys, every sequence's value and a
/// fingerprint of the catalog that any DDL changes, and whether the role may skip triggers (superuser). Read once per
/// pool from the first clone.
/// </summary>
internal sealed record PostgresSchemaFacts(
    IReadOnlyDictionary<long, string> Tables,
    IReadOnlyDictionary<long, SeedTable> Seeds,
    IReadOnlyList<(long Child, long Parent)> ForeignKeys,
    IReadOnlyDictionary<string, long?> Sequences,
    string Fingerprint,
    bool CanSkipTriggers)
{
    public const string TablesSql = """
        SELECT c.oid::int8, format('%I.%I', n.nspname, c.relname), pg_relation_size(c.oid)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND c.relpersistence <> 't'
          AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
        """;

    public const string SequencesSql = "SELECT format('%I.%I', schemaname, sequencename), last_value FROM pg_sequences";

    public const string FingerprintSql = """
        SELECT concat_ws('/', (SELECT count(*) || ':' || sum(oid::int8) FROM pg_class WHERE relpersistence <> 't'),
                              (SELECT count(*) || ':' || sum(oid::int8) FROM pg_proc),
                              (SELECT count(*) || ':' || sum(oid::int8) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.relpersistence <> 't' AND a.attnum > 0),
                              (SELECT count(*) || ':' || sum(oid::int8) FROM pg_constraint))
        """;

    private const string ForeignKeysSql = "SELECT conrelid::int8, confrelid::int8 FROM pg_constraint WHERE contype = 'f'";

    /// <summary>Reads the facts from <paramref name="connection"/>, a connection to a clone nobody has written to.</summary>
    public static async Task<PostgresSchemaFacts> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<long, string>();
        var sizes = new Dictionary<long, long>();
        var command = new NpgsqlCommand(TablesSql, connection);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables[reader.GetInt64(0)] = reader.GetString(1);
                sizes[reader.GetInt64(0)] = reader.GetInt64(2);
            }
        }

        var seeds = new Dictionary<long, SeedTable>();
        foreach (var (oid, size) in sizes.Where(s => s.Value > 0))
        {
            var seed = await SeedTable.ReadAsync(connection, tables[oid], cancellationToken).ConfigureAwait(false);
            if (seed.Rows > 0)
            {
                seeds[oid] = seed;
            }
        }

        var keys = await ReadPairsAsync(connection, ForeignKeysSql, cancellationToken).ConfigureAwait(false);
        var sequences = await ReadSequencesAsync(connection, cancellationToken).ConfigureAwait(false);
        var fingerprint = new NpgsqlCommand(FingerprintSql, connection);
        await using var fingerprintScope = fingerprint.ConfigureAwait(false);
        var print = (string)(await fingerprint.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        var superuser = new NpgsqlCommand("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", connection);
        await using var superuserScope = superuser.ConfigureAwait(false);
        var canSkipTriggers = await superuser.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
        return new PostgresSchemaFacts(tables, seeds, keys, sequences, print, canSkipTriggers);
    }

    /// <summary>Every sequence with its last value (null when never used).</summary>
    public static async Task<Dictionary<string, long?>> ReadSequencesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var sequences = new Dictionary<string, long?>(StringComparer.Ordinal);
        var command = new NpgsqlCommand(SequencesSql, connection);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            sequences[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetInt64(1);
        }

        return sequences;
    }

    private static async Task<List<(long, long)>> ReadPairsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var pairs = new List<(long, long)>();
        var command = new NpgsqlCommand(sql, connection);
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            pairs.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return pairs;
    }
}
