using Npgsql;
using Strata.Errors;

namespace Strata.PostgreSql.Backups;

/// <summary>
/// The SQL a restore runs on the server: its major version, whether a database exists or is in use, creating the new
/// database like the original (encoding, locale, locale provider), dropping it after a failed restore, and swapping
/// names for <c>--replace</c>. Connected to the maintenance database (<c>postgres</c>, else <c>template1</c>), never to
/// the database being replaced, with pooling off so no connection lingers.
/// </summary>
internal sealed class ServerCommands(NpgsqlConnectionStringBuilder builder, ServerEndpoint endpoint) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    public int Major { get; private set; }

    private NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("not open");

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        foreach (var database in new[] { "postgres", "template1", endpoint.Database })
        {
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = database, Pooling = false }.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                _connection = connection;
                Major = connection.PostgreSqlVersion.Major;
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.InsufficientPrivilege && database != endpoint.Database)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw ErrorTranslator.OpenFailed(endpoint, e);
            }
        }
    }

    public async Task RefuseIfInUseAsync(string database, CancellationToken cancellationToken)
    {
        var sessions = await ScalarAsync<string>(
            "SELECT string_agg(pid || ' ' || coalesce(nullif(application_name, ''), usename::text), ', ') FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            cancellationToken, database).ConfigureAwait(false);
        if (sessions is not null)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"refused to replace database '{database}': sessions are connected to it ({sessions}); nothing was changed",
                $"stop the application first (SELECT pid, usename, application_name FROM pg_stat_activity WHERE datname = '{database}'), or restore into a new database without --replace");
        }
    }

    public async Task CreateLikeAsync(string target, string original, CancellationToken cancellationToken)
    {
        if (await ScalarAsync<bool>("SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", cancellationToken, target).ConfigureAwait(false))
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"database '{target}' already exists; a restore never writes into an existing database",
                "choose another name with --into, drop that database first, or pass --replace to replace the configured database");
        }

        var provider = Major >= 17 ? ", datlocprovider::text, datlocale" : Major >= 15 ? ", datlocprovider::text, daticulocale" : ", 'c', NULL::text";
        var sql = $"CREATE DATABASE {SqlText.Quote(target)} TEMPLATE template0";
        var command = new NpgsqlCommand($"SELECT pg_encoding_to_char(encoding), datcollate, datctype{provider} FROM pg_database WHERE datname = $1", Connection);
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = original });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sql += $" ENCODING {SqlText.Literal(reader.GetString(0))} LC_COLLATE {SqlText.Literal(reader.GetString(1))} LC_CTYPE {SqlText.Literal(reader.GetString(2))}";
                var locale = reader.IsDBNull(4) ? null : reader.GetString(4);
                sql += reader.GetString(3) switch
                {
                    "i" => $" LOCALE_PROVIDER icu ICU_LOCALE {SqlText.Literal(locale)}",
                    "b" => $" LOCALE_PROVIDER builtin BUILTIN_LOCALE {SqlText.Literal(locale)}",
                    _ => "",
                };
            }
        }

        await ExecuteAsync(sql, cancellationToken).ConfigureAwait(false);
    }

    public Task DropAsync(string database, CancellationToken cancellationToken) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS {SqlText.Quote(database)}", cancellationToken);

    /// <summary>Renames <paramref name="original"/> aside, the restored copy into its place, then drops the old one.</summary>
    public async Task SwapAsync(string original, string restored, string aside, CancellationToken cancellationToken)
    {
        try
        {
            await RefuseIfInUseAsync(original, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync($"ALTER DATABASE {SqlText.Quote(original)} RENAME TO {SqlText.Quote(aside)}", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StrataException or PostgresException)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"the backup was restored into database '{restored}', but '{original}' could not be replaced: {(e as PostgresException)?.MessageText ?? e.Message}",
                $"'{original}' is unchanged; stop what is connected to it and run the restore again, or use '{restored}' (drop it when done)",
                e);
        }

        await ExecuteAsync($"ALTER DATABASE {SqlText.Quote(restored)} RENAME TO {SqlText.Quote(original)}", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"DROP DATABASE {SqlText.Quote(aside)}", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(sql, Connection);
        await using var commandScope = command.ConfigureAwait(false);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<T?> ScalarAsync<T>(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, Connection);
        await using var commandScope = command.ConfigureAwait(false);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? default : (T)value;
    }
}
