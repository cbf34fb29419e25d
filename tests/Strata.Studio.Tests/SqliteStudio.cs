using Microsoft.Data.Sqlite;
using Strata.Configuration;
using Strata.TestSupport;

namespace Strata.Studio.Tests;

/// <summary>A SQLite file in a temp folder, filled by the test, and the options of a studio for it.</summary>
public sealed class SqliteStudio : IDisposable
{
    private readonly TempDirectory _folder = new();

    public SqliteStudio() => Path = System.IO.Path.Combine(_folder.Path, "app.db");

    public string Path { get; }

    public string Folder => _folder.Path;

    public StudioOptions Options(bool write = false, int pageSize = 100) => new()
    {
        Database = new DatabaseTarget(Dialect.Sqlite, Path, "sqlite:app.db", null),
        Write = write,
        PageSize = pageSize,
    };

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"select count(*) from {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _folder.Dispose();
}
