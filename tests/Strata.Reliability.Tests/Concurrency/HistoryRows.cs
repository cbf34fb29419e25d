using Npgsql;
using Strata.TestSupport;

namespace Strata.Reliability.Tests.Concurrency;

/// <summary>Reads a Strata history table of a test database.</summary>
public static class HistoryRows
{
    /// <summary>Every versioned row as <c>version:state</c>, by version; empty when the table does not exist.</summary>
    public static async Task<IReadOnlyList<string>> RowsAsync(TestDatabase database, string table = "public.strata_migrations")
    {
        if (!await database.ScalarAsync<bool>("SELECT to_regclass($1) IS NOT NULL", table))
        {
            return [];
        }

        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT version || ':' || state FROM {table} WHERE version IS NOT NULL ORDER BY version, id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>The versions recorded as succeeded, by version.</summary>
    public static async Task<IReadOnlyList<long>> SucceededAsync(TestDatabase database, string table = "public.strata_migrations") =>
        (await RowsAsync(database, table)).Where(r => r.EndsWith(":succeeded", StringComparison.Ordinal)).Select(r => long.Parse(r.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
