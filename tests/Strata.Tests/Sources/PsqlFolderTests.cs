using Strata.Errors;
using Strata.Sources;
using Strata.Sources.Layouts;

namespace Strata.Tests.Sources;

/// <summary>
/// Folders that psql (or a project's small runner) applies file by file, found by the corpus runner on real projects
/// (docs/corpus.md): numbered files with any separator, dbmate's any-number names, a DO block that commits.
/// </summary>
public sealed class PsqlFolderTests
{
    [Fact]
    public async Task Auto_detection_reads_numbered_files_with_any_separator_in_the_order_of_their_number()
    {
        using var folder = new TempMigrationFolder()
            .Write("0001-initialmigration.sql", "CREATE TABLE a (id int);\n")
            .Write("00010-search.sql", "CREATE TABLE j (id int);\n")
            .Write("0002-storage-schema.sql", "CREATE TABLE b (id int);\n")
            .Write("000011.sql", "CREATE TABLE k (id int);\n")
            .Write("0012.add.up.sql", "CREATE TABLE l (id int);\n")
            .Write("0012.add.down.sql", "DROP TABLE l;\n");

        var migrations = await new DirectoryMigrationSource(folder.Path) { DetectLayout = true }.LoadAsync(Dialect.PostgreSql, CancellationToken.None);

        migrations.Select(m => (m.Version, m.Name)).ShouldBe([((long?)1, "initialmigration"), (2, "storage-schema"), (10, "search"), (11, ""), (12, "add")]);
        migrations[0].Up.Transactional.ShouldBeTrue();
        Sql(migrations[4].Down).ShouldBe("DROP TABLE l;\n");
    }

    [Fact]
    public async Task A_numbered_folders_file_without_a_number_is_a_problem_not_left_out()
    {
        using var folder = new TempMigrationFolder().Write("001-init.sql", "SELECT 1;\n").Write("structure.sql", "SELECT 2;\n");

        var error = await Should.ThrowAsync<MigrationSourceException>(() => Load(folder, MigrationLayout.Numbered));

        error.Problems.ShouldHaveSingleItem().Message.ShouldContain("has no version");
    }

    [Fact]
    public async Task Dbmate_reads_a_file_whose_number_is_followed_by_a_hyphen_as_dbmate_does()
    {
        using var folder = new TempMigrationFolder()
            .Write("00000000000000-initial-schema.sql", "-- migrate:up\nCREATE TABLE a (id int);\n")
            .Write("20211115181400_update.sql", "-- migrate:up\nCREATE TABLE b (id int);\n");

        var migrations = await Load(folder, MigrationLayout.Dbmate);

        migrations.Select(m => (m.Version, m.Name)).ShouldBe([((long?)0, "initial-schema"), (20211115181400, "update")]);
    }

    [Theory]
    [InlineData(MigrationLayout.Numbered, "0029-backfill.sql")]
    [InlineData(MigrationLayout.GolangMigrate, "0029_backfill.up.sql")]
    public async Task A_do_block_that_commits_runs_without_a_transaction_as_psql_runs_it(MigrationLayout layout, string name)
    {
        using var folder = new TempMigrationFolder()
            .Write(name, "-- batches, each committed\nDO $$\nBEGIN\n  LOOP\n    EXIT;\n  END LOOP;\n  COMMIT;\nEND;\n$$;\n")
            .Write("0030" + name[4..], "DO $body$ BEGIN RAISE NOTICE 'no commit here'; END $body$;\n");

        var migrations = await Load(folder, layout);

        (migrations[0].Up.Transactional, migrations[1].Up.Transactional).ShouldBe((false, true),
            "PostgreSQL refuses COMMIT in a DO block called inside a transaction block (invalid transaction termination)");
    }

    [Fact]
    public async Task A_down_file_whose_up_is_a_go_migration_names_the_go_file()
    {
        using var folder = new TempMigrationFolder()
            .Write("1510262030_initial_schema.up.sql", "CREATE TABLE t (id int);\n")
            .Write("1522178770_add_job_tags.up.go", "package migrations\n")
            .Write("1522178770_add_job_tags.down.sql", "ALTER TABLE t DROP COLUMN tags;\n");

        var error = await Should.ThrowAsync<MigrationSourceException>(() => Load(folder, MigrationLayout.GolangMigrate));

        error.Problems.ShouldHaveSingleItem().Message.ShouldContain("up is 1522178770_add_job_tags.up.go, which Strata cannot run");
    }

    private static Task<IReadOnlyList<Migration>> Load(TempMigrationFolder folder, MigrationLayout layout, Dialect dialect = Dialect.PostgreSql) =>
        new DirectoryMigrationSource(folder.Path) { Layout = layout }.LoadAsync(dialect, CancellationToken.None);

    private static string Sql(MigrationScript? script) => script.ShouldBeOfType<SqlScript>().Sql;
}
