using Microsoft.Data.Sqlite;
using Strata.Errors;
using Strata.Execution;
using Strata.History;

namespace Strata.Sqlite;

/// <summary>
/// Strata's SQLite dialect: one database file, no server. Writers are serialised by SQLite itself: every
/// migration runs in a <c>BEGIN IMMEDIATE</c> transaction with a busy timeout, and re-checks the history inside
/// it, so concurrent runners apply each migration once and no lock row can go stale.
/// </summary>
public sealed class SqliteDialect : IDatabaseProvider
{
    private readonly string _path;
    private readonly HistoryTableName _history;
    private readonly SqliteOptions _options;

    /// <summary>Creates the dialect for the file at <paramref name="path"/> (or <c>:memory:</c>).</summary>
    public SqliteDialect(string path, HistoryTableName history, SqliteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _options = options ?? new SqliteOptions();
        if (history.Schema is not null && history.Schema != "main")
        {
            throw new ConfigurationException(
                $"history schema '{history.Schema}' does not exist in SQLite",
                "SQLite has no schemas; remove history.schema from strata.json (or set it to \"main\")");
        }
    }

    /// <inheritdoc />
    public string Dialect => "sqlite";

    /// <inheritdoc />
    public string DisplayName => "sqlite:" + _path;

    /// <inheritdoc />
    public async Task<IDatabaseSession> OpenAsync(CancellationToken cancellationToken)
    {
        if (_path != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(_path));
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new DatabaseUnavailableException(
                    $"cannot open SQLite database {DisplayName}: the folder '{folder}' does not exist",
                    "create the folder, or fix the path in --database / DATABASE_URL / strata.json");
            }
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds}";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new DatabaseUnavailableException($"cannot open SQLite database {DisplayName}: {ex.Message}", "check the path and its permissions", ex);
        }

        return new Session(connection, _history);
    }
}
