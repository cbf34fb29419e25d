using Npgsql;
using Strata.Execution;

namespace Strata.PostgreSql;

/// <summary>Reads the PostgreSQL catalog for leftovers of interrupted migrations.</summary>
internal sealed class DatabaseInspector : IDatabaseInspector
{
    private readonly NpgsqlConnection _connection;
    private readonly ServerEndpoint _endpoint;

    public DatabaseInspector(NpgsqlConnection connection, ServerEndpoint endpoint)
    {
        _connection = connection;
        _endpoint = endpoint;
    }

    public async Task<IReadOnlyList<string>> FindInvalidIndexesAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT format('%I.%I', n.nspname, c.relname)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT i.indisvalid
            ORDER BY 1
            """;
        try
        {
            var command = new NpgsqlCommand(sql, _connection);
            await using var commandScope = command.ConfigureAwait(false);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            var names = new List<string>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }
        catch (Exception e) when (ErrorTranslator.IsConnectionLost(e))
        {
            throw ErrorTranslator.ConnectionLost("while looking for invalid indexes", _endpoint, e);
        }
    }
}
