using Strata.Execution;
using Strata.History;
using Strata.Sources;

namespace Strata.Conformance;

/// <summary>Shared helpers of the conformance scenarios.</summary>
public abstract class ConformanceBase
{
    /// <summary>Creates the scenarios for one dialect.</summary>
    protected ConformanceBase(IConformanceTarget target) => Target = target;

    /// <summary>The dialect under test.</summary>
    protected IConformanceTarget Target { get; }

    /// <summary>The default history table.</summary>
    protected static HistoryTableName History { get; } = new();

    /// <summary>A migrator for <paramref name="db"/> running <paramref name="set"/>.</summary>
    protected static Migrator Migrator(ITestDatabase db, IMigrationSource set, string environment = "development", HistoryTableName? history = null, IMigrationObserver? observer = null) =>
        new(db.Provider(), set, new MigratorOptions { Environment = environment, LockTimeout = TimeSpan.FromSeconds(30), History = history ?? History }, observer);

    /// <summary>The history rows of <paramref name="db"/>.</summary>
    protected static async Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(ITestDatabase db, HistoryTableName? history = null)
    {
        await using var session = await db.Provider().OpenAsync(new SessionOptions { History = history ?? History }, CancellationToken.None);
        return await session.History.ReadAsync(CancellationToken.None);
    }

    /// <summary>The versions in the history, in order.</summary>
    protected static async Task<long[]> AppliedVersionsAsync(ITestDatabase db) =>
        (await ReadHistoryAsync(db)).Where(r => r.Version is not null).Select(r => r.Version!.Value).Order().ToArray();

    /// <summary>Three migrations creating tables t1..t3, each with a down script.</summary>
    protected static MigrationSet ThreeTables() => new MigrationSet()
        .Add(1, "create_t1", "CREATE TABLE t1 (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE t1;")
        .Add(2, "create_t2", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nINSERT INTO t2 (id) VALUES (1);", "DROP TABLE t2;")
        .Add(3, "create_t3", "CREATE TABLE t3 (id INTEGER PRIMARY KEY);", "DROP TABLE t3;");
}
