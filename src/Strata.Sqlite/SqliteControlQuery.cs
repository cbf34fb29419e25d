using Microsoft.Data.Sqlite;
using Strata.Errors;

namespace Strata.Sqlite;

/// <summary>Reads the targets of a fleet run from an SQLite control database (<c>strata migrate --targets-sql "select path from tenants"</c>).</summary>
public static class SqliteControlQuery
{
    /// <summary>
    /// Runs <paramref name="sql"/> read-only on the SQLite file <paramref name="path"/> and returns its first column, one text
    /// value per row. Throws <see cref="DatabaseUnavailableException"/> when the file does not exist, and
    /// <see cref="StrataException"/> (bad input) with SQLite's message when the query fails or returns a NULL.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadColumnAsync(string path, string sql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = path.Contains('=', StringComparison.Ordinal) ? new SqliteConnectionStringBuilder(path).DataSource : path;
        if (!File.Exists(file))
        {
            throw new DatabaseUnavailableException($"the targets database sqlite:{file} does not exist", "name the control database with --database (or strata.json)");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        await using var connectionScope = connection.ConfigureAwait(false);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = connection.CreateCommand();
            await using var commandScope = command.ConfigureAwait(false);
            command.CommandText = sql;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            var values = new List<string>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                values.Add(reader.IsDBNull(0)
                    ? throw new StrataException(ErrorCategory.BadInput, $"the targets query on sqlite:{file} returned NULL in row {values.Count + 1}", "filter NULLs out (where path is not null)")
                    : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            }

            return values;
        }
        catch (SqliteException e)
        {
            throw new StrataException(ErrorCategory.BadInput, $"the targets query failed on sqlite:{file}: {e.Message}", "run the query in sqlite3 against the control database and fix it");
        }
    }
}
