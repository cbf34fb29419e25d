using Npgsql;
using Strata.Errors;

namespace Strata.PostgreSql;

/// <summary>
/// Reads from a control database what a fleet run needs before it starts: the targets a query lists
/// (<c>strata migrate --targets-sql "select url from tenants where active"</c>) and the server's connection headroom.
/// </summary>
public static class PostgreSqlControlQuery
{
    /// <summary>
    /// Runs <paramref name="sql"/> on the database of <paramref name="connectionString"/> in a read-only transaction and
    /// returns its first column, one text value per row. Throws <see cref="DatabaseUnavailableException"/> when the
    /// database cannot be reached, and <see cref="StrataException"/> (bad input) naming the server's message when the query
    /// fails or returns a NULL.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadColumnAsync(string connectionString, string sql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var dialect = new PostgreSqlDialect(connectionString);
        var one = await OneConnection.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using var oneScope = one.ConfigureAwait(false);
        var (connection, endpoint) = (one.Connection, one.Endpoint);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var transactionScope = transaction.ConfigureAwait(false);
            var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction);
            await using (readOnly.ConfigureAwait(false))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var command = new NpgsqlCommand(sql, connection, transaction);
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            var values = new List<string>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                values.Add(reader.IsDBNull(0)
                    ? throw new StrataException(ErrorCategory.BadInput, $"the targets query on {dialect.DisplayName} returned NULL in row {values.Count + 1}", "filter NULLs out (where url is not null)")
                    : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
            }

            return values;
        }
        catch (PostgresException e)
        {
            throw new StrataException(ErrorCategory.BadInput, endpoint.Redact($"the targets query failed on {dialect.DisplayName}: {e.SqlState}: {e.MessageText}"), "run the query in psql against the control database and fix it");
        }
        catch (Exception e) when (ErrorTranslator.IsConnectionLost(e))
        {
            throw ErrorTranslator.ConnectionLost("while reading the targets", endpoint, e);
        }
    }

    /// <summary>
    /// The server's connection headroom as the role of <paramref name="connectionString"/> sees it: <c>max_connections</c>
    /// less <c>superuser_reserved_connections</c> (and <c>reserved_connections</c> on 16+) less the sessions open now, or
    /// the role's <c>CONNECTION LIMIT</c> less its sessions when that is lower (this query's own session included).
    /// </summary>
    public static async Task<int> ReadConnectionHeadroomAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var one = await OneConnection.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using var oneScope = one.ConfigureAwait(false);
        var (connection, endpoint) = (one.Connection, one.Endpoint);
        const string sql = """
            SELECT least(
                current_setting('max_connections')::int
                  - current_setting('superuser_reserved_connections')::int
                  - coalesce(current_setting('reserved_connections', true)::int, 0)
                  - (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend'),
                coalesce((SELECT nullif(rolconnlimit, -1) FROM pg_roles WHERE rolname = current_user)
                  - (SELECT count(*)::int FROM pg_stat_activity WHERE usename = current_user), 2147483647))
            """;
        try
        {
            var command = new NpgsqlCommand(sql, connection);
            await using var commandScope = command.ConfigureAwait(false);
            return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (Exception e) when (ErrorTranslator.IsConnectionLost(e))
        {
            throw ErrorTranslator.ConnectionLost("while reading max_connections", endpoint, e);
        }
    }
}
