using System.Globalization;
using Microsoft.Data.Sqlite;
using Strata.TestSupport;

namespace Strata.Reliability.Tests.Integrity;

/// <summary>
/// The database of a <see cref="Scene"/>, looked at from outside Strata: a fresh PostgreSQL database or an SQLite file.
/// Queries here are the test's own (plain SQL, no Strata code), so they can check what Strata left behind.
/// </summary>
internal sealed class SceneDatabase : IAsyncDisposable
{
    private readonly TestDatabase? _postgres;
    private readonly string? _sqliteFile;

    private SceneDatabase(TestDatabase? postgres, string? sqliteFile)
    {
        _postgres = postgres;
        _sqliteFile = sqliteFile;
    }

    /// <summary>Which engine this is.</summary>
    public Engine Engine => _postgres is null ? Engine.Sqlite : Engine.PostgreSql;

    /// <summary>The PostgreSQL test database (throws on SQLite).</summary>
    public TestDatabase Postgres => _postgres ?? throw new InvalidOperationException("this scene runs on SQLite");

    /// <summary>The SQLite file (throws on PostgreSQL).</summary>
    public string SqliteFile => _sqliteFile ?? throw new InvalidOperationException("this scene runs on PostgreSQL");

    /// <summary>What a user puts in DATABASE_URL for this database.</summary>
    public string Url => _postgres is not null ? PostgresUrl.From(_postgres.ConnectionString) : "sqlite:" + _sqliteFile;

    public static async Task<SceneDatabase> CreateAsync(Engine engine, string folder) => engine == Engine.PostgreSql
        ? new SceneDatabase(await (await PostgresServer.SharedAsync()).CreateDatabaseAsync(), null)
        : new SceneDatabase(null, Path.Combine(folder, "app.db"));

    /// <summary>Runs SQL (PostgreSQL: several statements allowed).</summary>
    public async Task ExecuteAsync(string sql)
    {
        if (_postgres is not null)
        {
            await _postgres.ExecuteAsync(sql);
            return;
        }

        await using var connection = await OpenSqliteAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row as a string (null for SQL NULL or no row).</summary>
    public async Task<string?> TextAsync(string sql)
    {
        if (_postgres is not null)
        {
            await using var connection = await _postgres.OpenConnectionAsync();
            await using var pgCommand = connection.CreateCommand();
            pgCommand.CommandText = sql;
            return Format(await pgCommand.ExecuteScalarAsync());
        }

        await using var sqlite = await OpenSqliteAsync();
        await using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        return Format(await command.ExecuteScalarAsync());
    }

    /// <summary>The first column of the first row as a number.</summary>
    public async Task<long> NumberAsync(string sql) =>
        long.Parse(await TextAsync(sql) ?? throw new InvalidOperationException("no value from: " + sql), CultureInfo.InvariantCulture);

    /// <summary>True when a table of that exact name exists (PostgreSQL: in <c>public</c>).</summary>
    public async Task<bool> TableExistsAsync(string table) => Engine == Engine.PostgreSql
        ? await NumberAsync($"SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = {Literal(table)}") > 0
        : File.Exists(SqliteFile) && await NumberAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = {Literal(table)}") > 0;

    /// <summary>True when an index of that exact name exists.</summary>
    public async Task<bool> IndexExistsAsync(string index) => Engine == Engine.PostgreSql
        ? await NumberAsync($"SELECT count(*) FROM pg_indexes WHERE indexname = {Literal(index)}") > 0
        : File.Exists(SqliteFile) && await NumberAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = {Literal(index)}") > 0;

    /// <summary>The versions in the default history table, ascending; empty when the table does not exist.</summary>
    public async Task<IReadOnlyList<long>> HistoryVersionsAsync()
    {
        if (!await TableExistsAsync("strata_migrations"))
        {
            return [];
        }

        var text = await TextAsync(Engine == Engine.PostgreSql
            ? "SELECT coalesce(string_agg(version::text, ',' ORDER BY version), '') FROM strata_migrations"
            : "SELECT coalesce(group_concat(version, ','), '') FROM (SELECT version FROM strata_migrations ORDER BY version)");
        return string.IsNullOrEmpty(text) ? [] : text.Split(',').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The stored checksum of a version in the default history table.</summary>
    public Task<string?> ChecksumAsync(long version) =>
        TextAsync($"SELECT checksum FROM strata_migrations WHERE version = {version.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A SQL string literal (quotes doubled).</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private async Task<SqliteConnection> OpenSqliteAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqliteFile, Pooling = false, DefaultTimeout = 30 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static string? Format(object? value) => value switch
    {
        null or DBNull => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
