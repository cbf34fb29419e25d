using Strata.Sources;

namespace Strata.Tests.Sources;

public sealed class MigrationFileNameTests
{
    private static MigrationFileName Valid(string fileName)
    {
        MigrationFileName.TryParse(fileName, out var name, out var problem).ShouldBeTrue(problem);
        problem.ShouldBeNull();
        return name!;
    }

    private static string Invalid(string fileName)
    {
        MigrationFileName.TryParse(fileName, out var name, out var problem).ShouldBeFalse();
        name.ShouldBeNull();
        problem.ShouldNotBeNull();
        return problem!;
    }

    [Theory]
    [InlineData("1_x.sql", 1L, "1", "x", MigrationFilePart.Single)]
    [InlineData("001_initial_schema.up.sql", 1L, "001", "initial_schema", MigrationFilePart.Up)]
    [InlineData("001_initial_schema.down.sql", 1L, "001", "initial_schema", MigrationFilePart.Down)]
    [InlineData("0000_initial_migration.sql", 0L, "0000", "initial_migration", MigrationFilePart.Single)]
    [InlineData("20240101000001_add_users.sql", 20240101000001L, "20240101000001", "add_users", MigrationFilePart.Single)]
    [InlineData("20240101120000123_add_orders.sql", 20240101120000123L, "20240101120000123", "add_orders", MigrationFilePart.Single)]
    [InlineData("123456789012345678_max.sql", 123456789012345678L, "123456789012345678", "max", MigrationFilePart.Single)]
    [InlineData("316_graph_My_Feature.sql", 316L, "316", "graph_My_Feature", MigrationFilePart.Single)]
    [InlineData("2_9lives_.sql", 2L, "2", "9lives_", MigrationFilePart.Single)]
    public void Versioned_names(string fileName, long version, string versionText, string slug, MigrationFilePart part)
    {
        var name = Valid(fileName);
        (name.Kind, name.Version, name.VersionText, name.Slug, name.Part, name.FileName).ShouldBe((MigrationKind.Versioned, version, versionText, slug, part, fileName));
    }

    [Fact]
    public void Repeatable_names()
    {
        var name = Valid("R__refresh_views.sql");
        (name.Kind, name.Version, name.VersionText, name.Slug, name.Part).ShouldBe((MigrationKind.Repeatable, (long?)null, "", "refresh_views", MigrationFilePart.Single));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData(".gitkeep")]
    [InlineData("meta")]
    [InlineData("_journal.json")]
    [InlineData("notes.txt")]
    [InlineData("2024-01-01_notes.md")]
    [InlineData(".001_x.sql.swp")]
    [InlineData(".hidden.sql")]
    [InlineData("schema.json")]
    public void Other_names_are_ignored(string fileName)
    {
        MigrationFileName.IsCandidate(fileName).ShouldBeFalse();
        MigrationFileName.TryParse(fileName, out var name, out var problem).ShouldBeFalse();
        name.ShouldBeNull();
        problem.ShouldBeNull();
    }

    [Theory]
    [InlineData("V1__x.sql", "Flyway-style name; Strata expects 1_x.sql")]
    [InlineData("v2__x.sql", "Flyway-style name; Strata expects 2_x.sql")]
    [InlineData("V1_x.sql", "Flyway-style name; Strata expects 1_x.sql")]
    [InlineData("V007__add_index.up.sql", "Flyway-style name; Strata expects 007_add_index.up.sql")]
    [InlineData("V0001.Initial_Schema.up.sql", "Flyway-style name; Strata expects 0001_Initial_Schema.up.sql")]
    [InlineData("3_x.SQL", "the extension is not lower-case; rename it to 3_x.sql")]
    [InlineData("3__x.SQL", "the extension is not lower-case; rename it to 3__x.sql")]
    [InlineData("4_x.sql.bak", "ends in '.bak'")]
    [InlineData("V4__x.sql.bak", "ends in '.bak'")]
    [InlineData("4_x.sql~", "ends in '~'")]
    [InlineData("3__x.sql", "too many underscores before the slug; Strata expects 3_x.sql")]
    [InlineData("1234567890123456789_x.sql", "the version 1234567890123456789 has 19 digits; Strata allows at most 18")]
    [InlineData("create_users.sql", "has no version; start the name with one, e.g. 001_create_users.sql")]
    [InlineData("1.sql", "rename it to 1_<slug>.sql")]
    [InlineData("1_.sql", "the slug is missing; rename it to 1_<slug>.sql")]
    [InlineData("1-x.sql", "rename it to 1_<slug>.sql")]
    [InlineData("1_add-users.sql", "the slug 'add-users' may contain only letters, digits and underscores; rename it to 1_add_users.sql")]
    [InlineData("1_x.y.sql", "rename it to 1_x_y.sql")]
    [InlineData("r__views.sql", "repeatable migrations start with an upper-case R; rename it to R__views.sql")]
    [InlineData("R__views.up.sql", "a repeatable migration is one file without a down script; rename it to R__views.sql")]
    [InlineData("R__.sql", "the slug is missing; rename it to R__<slug>.sql")]
    [InlineData("1_x.UP.sql", "write '.up.sql' in lower case: 1_x.up.sql")]
    [InlineData("1_x.Down.sql", "write '.down.sql' in lower case: 1_x.down.sql")]
    [InlineData("1_x.txt", "looks like a migration but does not end in .sql")]
    [InlineData("20240101120000_create_users.js", "is a JavaScript/TypeScript migration (Knex, node-pg-migrate), which Strata does not run; move it into a subfolder (folders are ignored, e.g. migrations/knex/), then `strata adopt` records")]
    [InlineData("1700000000000_add-email.ts", "move it into a subfolder (folders are ignored, e.g. migrations/knex/)")]
    [InlineData("V3__y", "looks like a migration but does not end in .sql")]
    [InlineData("R__y", "looks like a migration but does not end in .sql")]
    public void Names_that_look_almost_right_are_errors_with_the_fix(string fileName, string message)
    {
        MigrationFileName.IsCandidate(fileName).ShouldBeTrue();
        Invalid(fileName).ShouldContain(message);
    }
}
