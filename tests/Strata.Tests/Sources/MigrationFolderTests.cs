using Strata.Errors;
using Strata.Sources;

namespace Strata.Tests.Sources;

/// <summary>
/// The next migration's version, slug, file shape and write (<see cref="MigrationFolder"/>, <see cref="MigrationFileShape"/>),
/// shared by <c>strata new</c> and <c>strata generate</c>, called as the library.
/// </summary>
public sealed class MigrationFolderTests
{
    private static readonly DateTime Noon = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_next_version_follows_the_folder_numbering_sequential_zero_padded_or_a_timestamp_never_at_or_below_the_newest()
    {
        using var empty = new TempMigrationFolder();
        using var numbered = new TempMigrationFolder().Write("009_a.sql", "SELECT 1;\n");
        using var future = new TempMigrationFolder().Write("20301231000000_a.sql", "SELECT 1;\n");
        using var millis = new TempMigrationFolder().Write("20240101000000000_a.sql", "SELECT 1;\n");
        using var sameSecond = new TempMigrationFolder().Write("20261206115959_a.sql", "SELECT 1;\n");

        MigrationFolder.NextVersion(empty.Path, sequential: false, Noon).ShouldBe("20261206120000");
        MigrationFolder.NextVersion(empty.Path, sequential: true, Noon).ShouldBe("001");
        MigrationFolder.NextVersion(numbered.Path, sequential: false, Noon).ShouldBe("010");
        MigrationFolder.NextVersion(future.Path, sequential: false, Noon).ShouldBe("20301231000001");
        MigrationFolder.NextVersion(millis.Path, sequential: false, Noon).ShouldBe("20261206120000000");
        MigrationFolder.NextVersion(sameSecond.Path, sequential: false, Noon.AddMinutes(-1)).ShouldBe("20261206120000", "a valid time, not …115960");
        MigrationFolder.Following("009").ShouldBe("010");
        MigrationFolder.Following("20261206115959").ShouldBe("20261206120000");
        MigrationFolder.Following("20261206115959999").ShouldBe("20261206120000000");
    }

    [Fact]
    public void A_slug_is_lower_case_with_underscores_and_text_without_a_letter_or_digit_is_refused()
    {
        MigrationFolder.Slug("  Add users.Email! ").ShouldBe("add_users_email");

        var error = Should.Throw<StrataException>(() => MigrationFolder.Slug("--"));

        error.Category.ShouldBe(ErrorCategory.BadInput);
        error.Message.ShouldBe("'--' has no letters or digits to name a migration");
    }

    [Fact]
    public void The_shape_follows_the_newest_migration_with_an_undo_and_pair_with_single_is_refused()
    {
        using var pairs = new TempMigrationFolder().Write("1_a.sql", "SELECT 1;\n").Write("1_a_down.sql", "SELECT 2;\n").Write("2_b.sql", "SELECT 3;\n");

        MigrationFileShape.Detect(pairs.Path).ShouldBe(new MigrationFileShape(".sql", "_down.sql"));
        MigrationFileShape.For(pairs.Path, pair: false, oneFile: true).ShouldBe(MigrationFileShape.OneFile);
        MigrationFileShape.OneFile.Files("3", "c", "UP;\n", "DOWN;\n").ShouldBe([("3_c.sql", "UP;\n\n-- strata:down\nDOWN;\n")]);
        Should.Throw<StrataException>(() => MigrationFileShape.For(pairs.Path, pair: true, oneFile: true)).Message.ShouldBe("--pair and --single ask for opposite things");
    }

    [Fact]
    public void Writing_refuses_to_overwrite_and_then_writes_none_of_the_files()
    {
        using var folder = new TempMigrationFolder().Write("2_b.down.sql", "mine\n");

        var error = Should.Throw<StrataException>(() => MigrationFolder.WriteNew(folder.Path, [("2_b.up.sql", "UP;\n"), ("2_b.down.sql", "DOWN;\n")]));
        var written = MigrationFolder.WriteNew(Path.Combine(folder.Path, "new"), [("3_c.sql", "UP;\n")]);

        error.Message.ShouldBe($"{Path.Combine(folder.Path, "2_b.down.sql")} already exists: nothing was written");
        File.Exists(Path.Combine(folder.Path, "2_b.up.sql")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(folder.Path, "2_b.down.sql")).ShouldBe("mine\n");
        written.ShouldBe([Path.Combine(folder.Path, "new", "3_c.sql")]);
        File.ReadAllBytes(written[0]).ShouldBe("UP;\n"u8.ToArray());
    }
}
