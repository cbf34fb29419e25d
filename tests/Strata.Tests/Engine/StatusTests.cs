using Strata.Errors;
using Strata.Execution;
using Strata.History;
using Strata.Planning;
using Strata.Sources;

namespace Strata.Tests.Engine;

/// <summary>Status and validate: files against history rows, read without a lock, without writing: no database.</summary>
public sealed class StatusTests
{
    [Fact]
    public async Task Status_judges_every_file_and_row_and_only_reads()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b").Add(3, "c").Add(5, "prod_only", environments: ["production"]).Repeatable("views").Repeatable("fresh");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1);
        dialect.Row(2, "b");
        dialect.Row(4, "gone");
        dialect.Row(null, "views", checksum: "old-checksum-of-views");

        var report = await Engine.Migrator(dialect, set).GetStatusAsync();

        report.Entries.Select(e => $"{e.DisplayName} {e.Status}").ShouldBe([
            "001_a Applied", "002_b Changed", "003_c OutOfOrder", "4_gone Missing", "005_prod_only Skipped", "R__fresh Pending", "R__views Outdated"]);
        report.IsClean.ShouldBeFalse();
        dialect.Calls.ShouldBe(["open:ReadAsEmpty", "read", "close"]);
    }

    [Fact]
    public async Task Status_of_a_database_that_is_not_there_reads_it_as_empty_and_creates_nothing()
    {
        var dialect = new RecordingDialect { Exists = false };

        var report = await Engine.Migrator(dialect, new InMemoryMigrations().Add(1, "a")).GetStatusAsync();

        report.Entries.ShouldHaveSingleItem().Status.ShouldBe(MigrationStatusKind.Pending);
        dialect.Exists.ShouldBeFalse();
    }

    [Fact]
    public async Task Status_refuses_a_missing_database_when_the_caller_says_so()
    {
        var dialect = new RecordingDialect { Exists = false };
        var options = Engine.FastOptions with { OnMissingDatabase = MissingDatabase.Refuse };

        await Should.ThrowAsync<DatabaseUnavailableException>(() => Engine.Migrator(dialect, new InMemoryMigrations().Add(1, "a"), options).GetStatusAsync());

        dialect.Calls.ShouldBe(["open:Refuse"]);
    }

    [Fact]
    public async Task An_unfinished_migration_makes_status_look_for_invalid_indexes_and_validate_name_them()
    {
        var set = new InMemoryMigrations().Add(1, "index", transactional: false);
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1, state: MigrationState.Started);
        dialect.InvalidIndexes.Add("public.orders_idx");

        var report = await Engine.Migrator(dialect, set).GetStatusAsync();
        var error = await Should.ThrowAsync<ValidationException>(() => Engine.Migrator(dialect, set).ValidateAsync());

        report.Entries.ShouldHaveSingleItem().Status.ShouldBe(MigrationStatusKind.Unfinished);
        report.InvalidIndexes.ShouldBe(["public.orders_idx"]);
        dialect.CallsOf("inspect").Count().ShouldBe(2);
        error.Problems.ShouldHaveSingleItem().Message.ShouldContain("invalid indexes, probably left by it: public.orders_idx");
        error.Problems[0].Message.ShouldContain("`strata mark-applied 1`");
    }

    [Fact]
    public async Task A_clean_history_is_not_inspected_for_invalid_indexes()
    {
        var set = new InMemoryMigrations().Add(1, "a");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 1);

        (await Engine.Migrator(dialect, set).ValidateAsync()).IsClean.ShouldBeTrue();

        dialect.CallsOf("inspect").ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_accepts_out_of_order_files_only_when_asked()
    {
        var set = new InMemoryMigrations().Add(1, "a").Add(2, "b");
        var dialect = new RecordingDialect();
        dialect.Applied(set, 2);

        await Should.ThrowAsync<ValidationException>(() => Engine.Migrator(dialect, set).ValidateAsync());
        var report = await Engine.Migrator(dialect, set).ValidateAsync(allowOutOfOrder: true);

        report.Count(MigrationStatusKind.OutOfOrder).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_files_are_refused_before_the_database_is_opened()
    {
        var dialect = new RecordingDialect();
        var broken = new BrokenSource();

        await Should.ThrowAsync<MigrationSourceException>(() => new Migrator(dialect, broken).MigrateAsync());

        dialect.Calls.ShouldBeEmpty();
    }

    private sealed class BrokenSource : IMigrationSource
    {
        public Task<IReadOnlyList<Migration>> LoadAsync(Dialect dialect, CancellationToken cancellationToken) =>
            throw new MigrationSourceException([new Problem("migrations/1_a.sql", "empty file")]);
    }
}
