using Microsoft.Data.Sqlite;
using Strata.Errors;
using Strata.Execution;
using Strata.Schema;

namespace Strata.Sqlite;

/// <summary>
/// Strata's SQLite dialect: one database file, no server. Writers are serialised by SQLite itself: every
/// migration runs in a <c>BEGIN IMMEDIATE</c> transaction with a busy timeout, and re-checks the history inside
/// it, so concurrent runners apply each migration once and no lock row can go stale.
/// </summary>
public sealed class SqliteDialect : IDialect, ISchemaDialect
{
    /// <summary>
    /// This dialect's entry for a <see cref="Configuration.DialectSet"/>, which turns a resolved target or a database URL
    /// into a dialect: <c>new DialectSet(PostgreSqlDialect.Factory, SqliteDialect.Factory)</c> (ADR 025).
    /// </summary>
    public static Configuration.IDialectFactory Factory { get; } = new DialectFactory();

    private readonly string _path;
    private readonly SqliteOptions _options;

    /// <summary>
    /// Creates the dialect for an SQLite file without opening it: <paramref name="database"/> is a file path (created on
    /// first use if its folder exists), <c>:memory:</c>, or a Microsoft.Data.Sqlite connection string
    /// (<c>Data Source=app.db</c>). Throws <see cref="ArgumentException"/> when it is empty; a file that cannot be
    /// opened fails later, on first use, with a <see cref="DatabaseUnavailableException"/>.
    /// </summary>
    /// <param name="database">The file path, <c>:memory:</c> or connection string.</param>
    /// <param name="options">The busy timeout; null for the defaults.</param>
    public SqliteDialect(string database, SqliteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);
        _path = database.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(database).DataSource
            : database;
        _options = options ?? new SqliteOptions();
    }


    /// <inheritdoc />
    public string DisplayName => "sqlite:" + _path;

    /// <summary>Always <see cref="Strata.Dialect.Sqlite"/> (printed <c>sqlite</c>).</summary>
    public Dialect Dialect => Dialect.Sqlite;

    /// <summary>
    /// The schema roles for this file: introspection (read-only; a missing file is "database not found"), DDL, scratch
    /// databases as temporary files, and wipe (delete the file and its journals). No dev database
    /// (<see cref="SchemaRoles.DevDatabase"/> is null): scratch files cost nothing to make.
    /// </summary>
    public SchemaRoles SchemaRoles => SchemaSide.Roles(_path);

    /// <inheritdoc />
    public async Task<IDatabaseSession> OpenAsync(SessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var history = options.History;
        if (history.Schema is not null && history.Schema != "main")
        {
            throw new ConfigurationException(
                $"history schema '{history.Schema}' does not exist in SQLite",
                "SQLite has no schemas; remove history.schema from strata.json (or set it to \"main\")");
        }

        var path = _path;
        if (_path != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(_path));
            if (!File.Exists(_path) && options.IfMissing == MissingDatabase.Refuse)
            {
                throw NotFound();
            }

            if (folder is not null && !Directory.Exists(folder))
            {
                throw new DatabaseUnavailableException(
                    $"cannot open SQLite database {DisplayName}: the folder '{folder}' does not exist",
                    "create the folder, or fix the path in --database / DATABASE_URL / strata.json");
            }

            // A read of a file that a write would create: an empty database stands in, and no file appears.
            path = !File.Exists(_path) && options.IfMissing == MissingDatabase.ReadAsEmpty ? ":memory:" : _path;
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            // Only a session that may create the database opens a file in a mode that creates it when missing.
            Mode = options.IfMissing == MissingDatabase.Create || path == ":memory:" ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy command until this many seconds have passed, and 0 would mean
            // forever: a busy timeout of zero still has to give up (after its smallest wait, one second).
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds)),
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {(long)_options.BusyTimeout.TotalMilliseconds}; {ForeignKeysPragma.Statement(_options.ForeignKeys)}";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new DatabaseUnavailableException($"cannot open SQLite database {DisplayName}: {ex.Message}", "check the path and its permissions", ex);
        }

        return new Session(connection, history, _options.ForeignKeys);
    }

    private DatabaseUnavailableException NotFound() => new(
        $"database not found: the SQLite file {Path.GetFullPath(_path)} does not exist; nothing was created",
        "check the path in --database / DATABASE_URL / DB_PATH / strata.json; `strata migrate` creates the file on first use, "
        + "and `validate --offline` or `migrate --dry-run --offline` check the files without a database");
}
