using Strata.Planning;

namespace Strata.Conformance;

/// <summary>Several runners on one database at once.</summary>
public abstract class ConcurrencyConformance(IConformanceTarget target) : ConformanceBase(target)
{
    [Fact]
    public async Task Concurrent_runners_apply_each_migration_exactly_once()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = new MigrationSet();
        for (var v = 1; v <= 12; v++)
        {
            set.Add(v, $"create_c{v}", $"CREATE TABLE c{v} (id INTEGER);\nINSERT INTO c{v} (id) VALUES ({v});", $"DROP TABLE c{v};");
        }

        var runs = Enumerable.Range(0, 6).Select(_ => Task.Run(() => Migrator(db, set).MigrateAsync())).ToArray();
        var results = await Task.WhenAll(runs);

        results.Sum(r => r.Applied.Count).ShouldBe(12);
        (await AppliedVersionsAsync(db)).ShouldBe(Enumerable.Range(1, 12).Select(v => (long)v).ToArray());
        for (var v = 1; v <= 12; v++)
        {
            (await db.ScalarAsync($"SELECT count(*) FROM c{v}")).ShouldBe(1);
        }

        (await Migrator(db, set).GetStatusAsync()).IsClean.ShouldBeTrue();
    }

    [Fact]
    public async Task Concurrent_rollbacks_revert_each_migration_once()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var set = ThreeTables();
        await Migrator(db, set).MigrateAsync();

        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Migrator(db, set).RollbackAsync(new RollbackOptions { ToVersion = 0 }))).ToArray();
        var results = await Task.WhenAll(runs);

        results.Sum(r => r.Applied.Count).ShouldBe(3);
        (await AppliedVersionsAsync(db)).ShouldBeEmpty();
    }
}
