using Strata.Code;
using Strata.Errors;
using Strata.Planning;
using Strata.Sources;

namespace Strata.Conformance;

/// <summary>C# migrations mixed with SQL ones: order, transactions, rollback, failures.</summary>
public abstract class CodeConformance(IConformanceTarget target) : ConformanceBase(target)
{
    [Fact]
    public async Task A_csharp_migration_between_two_sql_ones_runs_in_order_and_rolls_back()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var seen = new List<string>();
        var source = Mixed(new SeedT1(seen));

        var result = await Migrator(db, source).MigrateAsync();

        result.Applied.Select(s => s.Migration).ShouldBe(["001_create_t1", "2_seed_t1", "003_create_t3"]);
        (await db.ScalarAsync("SELECT count(*) FROM t1")).ShouldBe(2);
        seen.ShouldBe(["up development transaction"]);
        (await AppliedVersionsAsync(db)).ShouldBe([1L, 2L, 3L]);

        var back = await Migrator(db, source).RollbackAsync(new RollbackOptions { ToVersion = 1 });

        back.Applied.Select(s => s.Migration).ShouldBe(["003_create_t3", "2_seed_t1"]);
        (await db.ScalarAsync("SELECT count(*) FROM t1")).ShouldBe(0);
        seen[^1].ShouldBe("down");
    }

    [Fact]
    public async Task A_throwing_csharp_migration_leaves_nothing_and_names_its_type()
    {
        await using var db = await Target.CreateDatabaseAsync();

        var error = await Should.ThrowAsync<MigrationFailedException>(() => Migrator(db, Mixed(new Broken())).MigrateAsync());

        error.Migration.ShouldBe("2_broken");
        error.Location.Path.ShouldBe(typeof(Broken).FullName);
        error.Location.Line.ShouldBe(0);
        error.ServerMessage.ShouldContain("no_such_table");
        (await db.ScalarAsync("SELECT count(*) FROM t1")).ShouldBe(0);
        (await AppliedVersionsAsync(db)).ShouldBe([1L]);
    }

    [Fact]
    public async Task Rollback_refuses_to_revert_a_forward_only_csharp_migration()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var source = Mixed(new ForwardOnly());
        await Migrator(db, source).MigrateAsync();

        var error = await Should.ThrowAsync<ValidationException>(() => Migrator(db, source).RollbackAsync(new RollbackOptions { Steps = 2 }));

        error.Problems.Single().Location.ShouldBe(typeof(ForwardOnly).FullName);
        (await AppliedVersionsAsync(db)).ShouldBe([1L, 2L, 3L]);
    }

    [Fact]
    public async Task Concurrent_runners_run_a_csharp_migration_once()
    {
        await using var db = await Target.CreateDatabaseAsync();
        var seen = new List<string>();
        var source = Mixed(new SeedT1(seen));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Migrator(db, source).MigrateAsync())));

        (await db.ScalarAsync("SELECT count(*) FROM t1")).ShouldBe(2);
        seen.Count.ShouldBe(1);
    }

    private static CompositeMigrationSource Mixed(CodeMigration code) => new(
        new MigrationSet()
            .Add(1, "create_t1", "CREATE TABLE t1 (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE t1;")
            .Add(3, "create_t3", "CREATE TABLE t3 (id INTEGER);", "DROP TABLE t3;"),
        new CodeMigrationSource(code));

    private sealed class SeedT1(List<string> seen) : CodeMigration(2, "seed_t1")
    {
        public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        {
            await context.ExecuteAsync("INSERT INTO t1 (id, name) VALUES (@id, @name)", new Dictionary<string, object?> { ["id"] = 1, ["name"] = "a" }, cancellationToken);
            await using var command = context.CreateCommand("INSERT INTO t1 (id, name) VALUES (2, 'b')");
            await command.ExecuteNonQueryAsync(cancellationToken);
            lock (seen)
            {
                seen.Add($"up {context.Environment} {(context.Transaction is null ? "none" : "transaction")}");
            }
        }

        public override async Task DownAsync(MigrationContext context, CancellationToken cancellationToken)
        {
            (await context.ScalarAsync<long>("SELECT count(*) FROM t1", cancellationToken: cancellationToken)).ShouldBe(2);
            await context.ExecuteAsync("DELETE FROM t1", cancellationToken);
            seen.Add("down");
        }
    }

    private sealed class Broken() : ForwardOnlyCodeMigration(2, "broken")
    {
        public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        {
            await context.ExecuteAsync("INSERT INTO t1 (id, name) VALUES (1, 'a')", cancellationToken);
            await context.ExecuteAsync("INSERT INTO no_such_table VALUES (1)", cancellationToken);
        }
    }

    private sealed class ForwardOnly() : ForwardOnlyCodeMigration(2, "fix_data")
    {
        public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken) =>
            context.ExecuteAsync("UPDATE t1 SET name = 'x' WHERE id = 0", cancellationToken);
    }
}
