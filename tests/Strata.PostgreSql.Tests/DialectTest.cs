using Strata.Execution;
using Strata.History;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests;

/// <summary>A test with its own database and helpers to open dialect sessions on it (closed after the test).</summary>
public abstract class DialectTest : PostgresTestBase
{
    private readonly List<IDatabaseSession> _sessions = [];

    protected static HistoryTableName DefaultHistory { get; } = new();

    protected async Task<IDatabaseSession> OpenAsync(
        HistoryTableName? history = null, PostgreSqlOptions? options = null, string? connectionString = null)
    {
        var dialect = new PostgreSqlDialect(connectionString ?? Database.ConnectionString, options);
        var session = await dialect.OpenAsync(new SessionOptions { History = history ?? DefaultHistory }, CancellationToken.None);
        lock (_sessions)
        {
            _sessions.Add(session);
        }

        return session;
    }

    protected static AppliedMigration Row(
        long? version,
        string name,
        HistoryKind kind = HistoryKind.Versioned,
        string? checksum = "c0ffee",
        MigrationState state = MigrationState.Succeeded,
        int batch = 1) =>
        new()
        {
            Version = version,
            Name = name,
            Kind = kind,
            Checksum = checksum,
            Batch = batch,
            AppliedAt = new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero),
            ExecutionMs = 42,
            AppliedBy = "tester",
            State = state,
        };

    public override async Task DisposeAsync()
    {
        foreach (var session in _sessions)
        {
            await session.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
