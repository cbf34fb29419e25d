using Strata.Conformance;
using Strata.Errors;
using Strata.Execution;
using Strata.Planning;

namespace Strata.Sqlite.Tests;

/// <summary>Only a write creates an SQLite file: reads see a missing file as empty or refuse it, undoing refuses it.</summary>
public sealed class MissingFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("strata-missing-").FullName;

    private string File => Path.Combine(_folder, "typo.db");

    private static MigrationSet Set() => new MigrationSet().Add(1, "t", "CREATE TABLE t (id INTEGER);", "DROP TABLE t;");

    private Migrator Migrator(MissingDatabase onMissing = MissingDatabase.ReadAsEmpty) =>
        new(new SqliteDialect(File), Set(), new MigratorOptions { OnMissingDatabase = onMissing });

    [Fact]
    public async Task Status_validate_and_a_dry_run_read_a_missing_file_as_empty_and_create_nothing()
    {
        var status = await Migrator().GetStatusAsync();
        var validated = await Migrator().ValidateAsync();
        var plan = await Migrator().PlanAsync(new MigrateOptions());

        status.Entries.Single().Status.ShouldBe(MigrationStatusKind.Pending);
        validated.Entries.Count.ShouldBe(1);
        plan.Steps.Count.ShouldBe(1);
        plan.Steps[0].Sql!.ShouldContain("CREATE TABLE t");
        System.IO.File.Exists(File).ShouldBeFalse();
    }

    [Fact]
    public async Task Reads_told_to_refuse_say_database_not_found_naming_the_path()
    {
        var error = await Should.ThrowAsync<DatabaseUnavailableException>(() => Migrator(MissingDatabase.Refuse).GetStatusAsync());

        error.Message.ShouldBe($"database not found: the SQLite file {File} does not exist; nothing was created");
        System.IO.File.Exists(File).ShouldBeFalse();
    }

    [Fact]
    public async Task Rollback_repair_and_mark_rolled_back_of_a_missing_file_refuse_and_create_nothing()
    {
        await Should.ThrowAsync<DatabaseUnavailableException>(() => Migrator().RollbackAsync());
        await Should.ThrowAsync<DatabaseUnavailableException>(() => Migrator().PlanRollbackAsync(new RollbackOptions()));
        await Should.ThrowAsync<DatabaseUnavailableException>(() => Migrator().RepairAsync());
        await Should.ThrowAsync<DatabaseUnavailableException>(() => Migrator().MarkRolledBackAsync([MigrationReference.Parse("1")]));

        System.IO.File.Exists(File).ShouldBeFalse();
    }

    [Fact]
    public async Task Migrate_creates_the_file()
    {
        (await Migrator().MigrateAsync()).FilesExecuted.ShouldBe(1);

        System.IO.File.Exists(File).ShouldBeTrue();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
