using Strata.Sources;
using Strata.Sql;

namespace Strata.Tests.Sources;

/// <summary>Issue 12 items 6 and 10: one checksum rule for down files and down sections; the numbered-SQL team's down naming.</summary>
public sealed class DownFileTests
{
    [Fact]
    public async Task Editing_a_down_file_changes_the_checksum_as_editing_a_down_section_does()
    {
        using var pair = new TempMigrationFolder().Write("1_x.up.sql", "CREATE TABLE t (a int);\n").Write("1_x.down.sql", "DROP TABLE t;\n");
        using var single = new TempMigrationFolder().Write("1_x.sql", "CREATE TABLE t (a int);\n-- strata:down\nDROP TABLE t;\n");
        var before = ((await pair.LoadAsync())[0].Checksum, (await single.LoadAsync())[0].Checksum);

        pair.Write("1_x.down.sql", "DROP TABLE IF EXISTS t;\n");
        single.Write("1_x.sql", "CREATE TABLE t (a int);\n-- strata:down\nDROP TABLE IF EXISTS t;\n");

        (await pair.LoadAsync())[0].Checksum.ShouldNotBe(before.Item1);
        (await single.LoadAsync())[0].Checksum.ShouldNotBe(before.Item2);
    }

    [Fact]
    public async Task A_pair_still_matches_the_up_only_checksum_stored_before_down_files_counted()
    {
        using var pair = new TempMigrationFolder().Write("1_x.up.sql", "CREATE TABLE t (a int);\n").Write("1_x.down.sql", "DROP TABLE t;\n");

        var migration = (await pair.LoadAsync()).ShouldHaveSingleItem();

        migration.Checksum.ShouldNotBe(Checksum.Compute("CREATE TABLE t (a int);\n"));
        migration.Matches(Checksum.Compute("CREATE TABLE t (a int);\n")).ShouldBeTrue();
        migration.Matches(Checksum.Compute("CREATE TABLE t (b int);\n")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("316_x.sql")]
    [InlineData("316_x.up.sql")]
    public async Task An_underscore_down_file_is_the_down_script_of_its_up_file(string up)
    {
        using var folder = new TempMigrationFolder().Write(up, "CREATE TABLE t (a int);\n").Write("316_x_down.sql", "DROP TABLE t;\n");

        var migration = (await folder.LoadAsync()).ShouldHaveSingleItem();

        migration.DisplayName.ShouldBe("316_x");
        migration.Down.ShouldBeOfType<SqlScript>().Sql.ShouldBe("DROP TABLE t;\n");
    }

    [Fact]
    public async Task A_single_file_pairs_with_a_dot_down_file_without_being_renamed()
    {
        using var folder = new TempMigrationFolder().Write("316_x.sql", "CREATE TABLE t (a int);\n").Write("316_x.down.sql", "DROP TABLE t;\n");

        var migration = (await folder.LoadAsync()).ShouldHaveSingleItem();

        migration.Down.ShouldBeOfType<SqlScript>().SourcePath.ShouldEndWith("316_x.down.sql");
    }

    [Fact]
    public async Task A_migration_named_like_a_down_file_without_its_up_file_is_an_ordinary_migration()
    {
        using var folder = new TempMigrationFolder().Write("7_scale_down.sql", "ALTER TABLE t ALTER COLUMN a TYPE smallint;\n");

        (await folder.LoadAsync()).ShouldHaveSingleItem().DisplayName.ShouldBe("7_scale_down");
    }

    [Fact]
    public async Task A_down_section_and_a_down_file_for_one_version_are_refused()
    {
        using var folder = new TempMigrationFolder().Write("5_x.sql", "SELECT 1;\n-- strata:down\nSELECT 2;\n").Write("5_x.down.sql", "SELECT 3;\n");

        (await folder.SingleProblemAsync()).Message.ShouldContain("keep one of them");
    }
}
