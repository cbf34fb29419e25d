using Strata.Errors;
using Strata.Planning;

namespace Strata.Tests.Engine;

/// <summary>What migrate and rollback decide to run, and what they refuse before anything runs: no database.</summary>
public sealed class PlanningTests
{
    private static InMemoryMigrations Three() => new InMemoryMigrations().Add(1, "a").Add(2, "b").Add(3, "c");

    [Fact]
    public async Task A_migrate_plan_lists_pending_versions_in_order_then_changed_repeatables()
    {
        var set = Three().Repeatable("views");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1);

        var plan = await Engine.Migrator(dialect, set).PlanAsync(new MigrateOptions());

        plan.Steps.Select(s => s.Migration.DisplayName).ShouldBe(["002_b", "003_c", "R__views"]);
        plan.Steps.ShouldAllBe(s => s.Direction == StepDirection.Up);
        dialect.CallsOf("lock").ShouldBeEmpty();
        dialect.Committed.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_plan_carries_the_exact_sql_of_each_step_with_its_history_change()
    {
        var set = new InMemoryMigrations().Add(1, "a", "CREATE TABLE a (id int);").Add(2, "b", "CREATE INDEX CONCURRENTLY i ON a (id);", transactional: false);

        var plan = await Engine.Migrator(new RecordingDialect(), set).PlanAsync(new MigrateOptions());

        plan.Steps[0].Sql.ShouldBe("BEGIN;\nCREATE TABLE a (id int);\n-- history: insert 1\nCOMMIT;");
        plan.Steps[1].Sql!.ShouldStartWith("-- history: insert 2 started");
        plan.Steps[1].Sql!.ShouldContain("CREATE INDEX CONCURRENTLY i ON a (id);");
        plan.Steps[1].Sql!.ShouldEndWith("-- history: finish 2");
    }

    [Fact]
    public async Task A_target_stops_the_plan_at_its_version_and_leaves_repeatables_out()
    {
        var plan = await Engine.Migrator(new RecordingDialect(), Three().Repeatable("views")).PlanAsync(new MigrateOptions { Target = 2 });

        plan.Steps.Select(s => s.Migration.DisplayName).ShouldBe(["001_a", "002_b"]);
    }

    [Fact]
    public async Task An_environment_gated_migration_runs_only_when_its_environment_was_set()
    {
        var set = new InMemoryMigrations().Add(1, "schema").Add(2, "demo_data", environments: ["development"]);
        var unset = await Engine.Migrator(new RecordingDialect(), set).PlanAsync(new MigrateOptions());
        var production = await Engine.Migrator(new RecordingDialect(), set, Engine.FastOptions with { Environment = "production" }).PlanAsync(new MigrateOptions());
        var development = new RecordingDialect();

        await Engine.Migrator(development, set, Engine.FastOptions with { Environment = "development" }).MigrateAsync();

        unset.Steps.Select(s => s.Migration.DisplayName).ShouldBe(["001_schema"]);
        unset.Status.Entries[1].Status.ShouldBe(MigrationStatusKind.Skipped);
        unset.Status.Entries[1].Detail.ShouldBe("only in development; no environment was set");
        production.Steps.Select(s => s.Migration.DisplayName).ShouldBe(["001_schema"]);
        production.Status.Entries[1].Detail.ShouldBe("only in development");
        development.Rows.Select(r => r.Version).ShouldBe([1L, 2L]);
    }

    [Fact]
    public async Task A_target_older_than_the_newest_applied_version_is_refused_with_the_rollback_to_use()
    {
        var set = Three();
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1);
        dialect.Applied(set, 2);

        var error = await Should.ThrowAsync<StrataException>(() => Engine.Migrator(dialect, set).MigrateAsync(new MigrateOptions { Target = 1 }));

        error.Category.ShouldBe(ErrorCategory.BadInput);
        error.Hint.ShouldBe("to go back, use `strata rollback --to 1`");
    }

    [Fact]
    public async Task Every_refusal_is_listed_at_once_and_nothing_runs()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(3, "c").Add(4, "d");
        var dialect = new RecordingDialect();
        dialect.Row(1, "a");
        dialect.Row(2, "gone");
        dialect.Applied(set, 4);

        var error = await Should.ThrowAsync<ValidationException>(() => Engine.Migrator(dialect, set).MigrateAsync());

        var problems = error.Problems.Select(p => p.ToString()).ToList();
        problems.Count.ShouldBe(3);
        problems[0].ShouldContain("001_a.sql");
        problems[0].ShouldContain("file edited after it was applied");
        problems[1].ShouldContain("2_gone");
        problems[1].ShouldContain("--ignore-missing");
        problems[2].ShouldContain("003_c.sql");
        problems[2].ShouldContain("--allow-out-of-order");
        dialect.CallsOf("run").ShouldBeEmpty();
        dialect.CallsOf("history").ShouldBeEmpty();
    }

    [Fact]
    public async Task Out_of_order_and_missing_files_are_allowed_when_asked()
    {
        var set = Three();
        var dialect = new RecordingDialect();
        dialect.Applied(set, 3);
        dialect.Row(9, "gone");

        var plan = await Engine.Migrator(dialect, set).PlanAsync(new MigrateOptions { AllowOutOfOrder = true, IgnoreMissing = true });

        plan.Steps.Select(s => s.Migration.DisplayName).ShouldBe(["001_a", "002_b"]);
    }

    [Fact]
    public async Task A_rollback_plan_reverts_the_last_batch_newest_first()
    {
        var set = Three();
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1, batch: 1);
        dialect.Applied(set, 2, batch: 2);
        dialect.Applied(set, 3, batch: 2);

        var plan = await Engine.Migrator(dialect, set).PlanRollbackAsync(new RollbackOptions());

        plan.Steps.Select(s => s.Migration.DisplayName).ShouldBe(["003_c", "002_b"]);
        plan.Steps.ShouldAllBe(s => s.Direction == StepDirection.Down);
        plan.Steps[0].Sql.ShouldBe("BEGIN;\nSELECT 2;\n-- history: delete 3\nCOMMIT;");
    }

    [Theory]
    [InlineData(1, null, new[] { "003_c" })]
    [InlineData(null, 1L, new[] { "003_c", "002_b" })]
    [InlineData(null, 0L, new[] { "003_c", "002_b", "001_a" })]
    public async Task A_rollback_plan_takes_steps_or_everything_above_a_version(int? steps, long? to, string[] expected)
    {
        var set = Three();
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1, batch: 1);
        dialect.Applied(set, 2, batch: 1);
        dialect.Applied(set, 3, batch: 1);

        var plan = await Engine.Migrator(dialect, set).PlanRollbackAsync(new RollbackOptions { Steps = steps, ToVersion = to });

        plan.Steps.Select(s => s.Migration.DisplayName).ShouldBe(expected);
    }

    [Fact]
    public async Task A_rollback_missing_a_down_script_or_reaching_the_baseline_is_refused_before_anything_runs()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b", down: null).Add(3, "c");
        var dialect = new RecordingDialect();
        dialect.Row(1, "a", kind: History.HistoryKind.Baseline);
        dialect.Applied(set, 2);
        dialect.Applied(set, 3);

        var error = await Should.ThrowAsync<ValidationException>(() => Engine.Migrator(dialect, set).RollbackAsync(new RollbackOptions { ToVersion = 0 }));

        error.Problems.Count.ShouldBe(2);
        error.Problems[0].ToString().ShouldContain("002_b.sql");
        error.Problems[0].ToString().ShouldContain("has no down script");
        error.Problems[1].ToString().ShouldContain("is the baseline");
        error.Hint!.ShouldStartWith("rollback refused before anything ran");
        dialect.CallsOf("run").ShouldBeEmpty();
        dialect.Rows.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_baseline_at_a_version_no_file_has_is_a_marker_not_a_missing_migration()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(20, "b");
        var dialect = new RecordingDialect();
        dialect.Row(0, "0_baseline", kind: History.HistoryKind.Baseline);
        dialect.Row(15, "15_baseline", kind: History.HistoryKind.Baseline);

        var plan = await Engine.Migrator(dialect, set).PlanAsync(new MigrateOptions());

        plan.Steps.Select(s => s.Migration.DisplayName).ShouldBe(["020_b"]);
        plan.Status.Entries.Where(e => e.Migration is null).ShouldAllBe(e => e.Status == MigrationStatusKind.Baselined);
        plan.Status.Entries.Single(e => e.Version == 1).Status.ShouldBe(MigrationStatusKind.Baselined);
    }

    [Fact]
    public async Task Rolling_back_to_a_version_that_is_not_applied_is_refused()
    {
        var set = Three();
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1);

        var error = await Should.ThrowAsync<StrataException>(() => Engine.Migrator(dialect, set).RollbackAsync(new RollbackOptions { ToVersion = 2 }));

        error.Message.ShouldBe("version 2 is not applied, so there is nothing to roll back to");
    }
}
