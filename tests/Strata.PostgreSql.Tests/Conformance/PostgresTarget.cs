using Strata.Conformance;
using Strata.Execution;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Conformance;

/// <summary>Fresh databases on the test run's PostgreSQL server, one per scenario.</summary>
public sealed class PostgresTarget : IConformanceTarget
{
    public async Task<ITestDatabase> CreateDatabaseAsync()
    {
        var server = await PostgresServer.SharedAsync();
        return new PostgresTestDatabase(await server.CreateDatabaseAsync());
    }

    private sealed class PostgresTestDatabase(TestDatabase database) : ITestDatabase
    {
        public IDialect Provider() => new PostgreSqlDialect(database.ConnectionString);

        public async Task<bool> TableExistsAsync(string table) =>
            await database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1", table) > 0;

        public Task ExecuteAsync(string sql) => database.ExecuteAsync(sql);

        public async Task<long> ScalarAsync(string sql) => Convert.ToInt64(await database.ScalarAsync<object>(sql), System.Globalization.CultureInfo.InvariantCulture);

        public ValueTask DisposeAsync() => database.DisposeAsync();
    }
}
