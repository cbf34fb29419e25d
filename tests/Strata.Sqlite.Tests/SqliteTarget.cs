using Microsoft.Data.Sqlite;
using Strata.Conformance;
using Strata.Execution;

namespace Strata.Sqlite.Tests;

/// <summary>Fresh SQLite files in a temp folder, one per test.</summary>
public sealed class SqliteTarget : IConformanceTarget
{
    public Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());

    private sealed class SqliteTestDatabase : ITestDatabase
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("strata-sqlite-").FullName;

        private string FilePath => Path.Combine(_folder, "test.db");

        public IDialect Provider() =>
            new SqliteDialect(FilePath, new SqliteOptions { BusyTimeout = TimeSpan.FromSeconds(30) });

        public async Task<bool> TableExistsAsync(string table) =>
            await ScalarAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table.Replace("'", "''", StringComparison.Ordinal)}'") > 0;

        public async Task ExecuteAsync(string sql)
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        public async Task<long> ScalarAsync(string sql)
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        public ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
            return ValueTask.CompletedTask;
        }

        private async Task<SqliteConnection> OpenAsync()
        {
            var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False;Default Timeout=30");
            await connection.OpenAsync();
            return connection;
        }
    }
}
