using Microsoft.Data.Sqlite;
using Strata.Adoption;

namespace Strata.Sqlite;

/// <summary>
/// Another tool's history table in an SQLite file (strata adopt and the guard), read with <c>PRAGMA query_only</c> on:
/// Knex, Drizzle, Prisma, dbmate, golang-migrate, goose, sqlx and Diesel keep theirs in the main database.
/// </summary>
internal sealed class ForeignHistoryReader(SqliteConnection connection) : IForeignHistoryReader
{
    public async Task<IReadOnlyDictionary<string, string>> FindTablesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        // SQLite has no schemas: a name a tool qualifies (drizzle.__drizzle_migrations on PostgreSQL) is not here.
        var bare = names.Where(n => !n.Replace("\"", "", StringComparison.Ordinal).Contains('.', StringComparison.Ordinal)).ToList();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables.Add(reader.GetString(0));
            }
        }

        return bare.Where(n => tables.Contains(n.Replace("\"", "", StringComparison.Ordinal))).ToDictionary(n => n, n => n, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<object?[]>?> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await PragmaAsync("PRAGMA query_only = ON", cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            var rows = new List<object?[]>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new object?[reader.FieldCount];
                reader.GetValues(row!);
                rows.Add(row.Select(v => v is DBNull ? null : v).ToArray());
            }

            return rows;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1 && (e.Message.Contains("no such table", StringComparison.Ordinal) || e.Message.Contains("no such column", StringComparison.Ordinal)))
        {
            return null;
        }
        finally
        {
            await PragmaAsync("PRAGMA query_only = OFF", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task PragmaAsync(string pragma, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
