using Strata.Errors;
using Strata.Sources;

namespace Strata.Tests.Sources;

public sealed class EmbeddedMigrationSourceProblemTests
{
    private const string Bad = "Strata.Tests:bad/";

    [Fact]
    public async Task Every_problem_of_the_resources_is_the_problem_of_the_same_file_in_a_folder()
    {
        var embedded = await EmbeddedMigrations.ProblemsAsync(() => EmbeddedMigrations.LoadAsync("bad/"));
        var folder = await EmbeddedMigrations.ProblemsAsync(() => EmbeddedMigrations.LoadFolderAsync("Bad"));

        var asFiles = embedded.Where(p => p.Location != Bad + "7_folder.sql")
            .Select(p => new Problem(p.Location.Replace(Bad, "", StringComparison.Ordinal), p.Message.Replace(Bad, "", StringComparison.Ordinal)));
        asFiles.ShouldBe(folder.Where(p => p.Location != "7_folder.sql"), ignoreOrder: true);
        embedded.Count.ShouldBe(folder.Count);
    }

    [Fact]
    public async Task Bad_names_duplicates_encodings_directives_and_meta_commands_are_listed_together()
    {
        var problems = await EmbeddedMigrations.ProblemsAsync(() => EmbeddedMigrations.LoadAsync("bad/"));

        problems.Select(p => p.Location).ShouldBe(
        [
            Bad + "7_folder.sql",
            Bad + "3__x.SQL",
            Bad + "4_x.sql.bak",
            Bad + "V1_x.sql",
            Bad + "6_empty.sql",
            Bad + "8_latin1.sql",
            Bad + "9_directive.sql:1:1",
            Bad + "10_meta.sql:2:1",
            Bad + "005_b.sql",
            Bad + "11_orphan.down.sql",
        ],
        ignoreOrder: true);
        string At(string location) => problems.Single(p => p.Location == Bad + location).Message;
        At("7_folder.sql").ShouldBe("is a folder named like a migration; migrations are resources directly under 'bad/' (subfolders are not read)");
        At("V1_x.sql").ShouldContain("Flyway-style name; Strata expects 1_x.sql");
        At("3__x.SQL").ShouldContain("the extension is not lower-case");
        At("4_x.sql.bak").ShouldContain("only names ending in .sql are migrations");
        At("6_empty.sql").ShouldContain("the file is empty");
        At("8_latin1.sql").ShouldContain("byte 0xE9 at byte offset 11");
        At("9_directive.sql:1:1").ShouldContain("strata:no-transaction");
        At("10_meta.sql:2:1").ShouldContain("psql meta-command \\i is not SQL");
        At("005_b.sql").ShouldBe($"version 5 is used by more than one migration: {Bad}005_b.sql and {Bad}5_a.sql; give each migration its own version");
        At("11_orphan.down.sql").ShouldContain("add 11_orphan.up.sql or delete it");
    }

    [Fact]
    public async Task No_resource_under_the_prefix_lists_some_the_assembly_has_and_how_to_embed()
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => EmbeddedMigrations.LoadAsync("nothing/"));

        error.Category.ShouldBe(ErrorCategory.BadInput);
        var count = EmbeddedMigrations.Assembly.GetManifestResourceNames().Length;
        error.Message.ShouldBe(
            "assembly 'Strata.Tests' has no embedded resource whose name starts with 'nothing/'; its resources are "
            + $"Strata.Tests.Sources.EmbeddedMigrations.DefaultNames.001_create_accounts.down.sql, Strata.Tests.Sources.EmbeddedMigrations.DefaultNames.001_create_accounts.up.sql, Strata.Tests.Sources.EmbeddedMigrations.DefaultNames.002_add_name.sql, Strata.Tests.Sources.EmbeddedMigrations.DefaultNames.R__account_names.sql, bad/005_b.sql and {count - 5} more");
        var hint = error.Hint.ShouldNotBeNull();
        hint.ShouldContain("<EmbeddedResource Include=\"migrations/*.sql\" LogicalName=\"migrations/%(Filename)%(Extension)\" />");
        hint.ShouldContain("MyApp.Migrations.001_init.sql for the prefix 'MyApp.Migrations.'");
        hint.ShouldStartWith("files named like migrations are embedded under the prefixes ");
        hint.ShouldContain("'good/'");
        hint.ShouldContain("'bad/'");
        hint.ShouldContain($"'{EmbeddedMigrations.DefaultNamesPrefix}'");
    }

    [Fact]
    public async Task A_prefix_in_the_wrong_letter_case_is_told_the_right_one()
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => EmbeddedMigrations.LoadAsync("Good/"));

        error.Hint.ShouldNotBeNull().ShouldStartWith("files named like migrations are embedded under the prefixes 'good/', ");
        error.Hint.ShouldContain("resource names are case-sensitive");
    }

    [Fact]
    public async Task An_assembly_without_resources_says_so()
    {
        var strata = typeof(EmbeddedMigrationSource).Assembly;
        strata.GetManifestResourceNames().ShouldBeEmpty();

        var error = await Should.ThrowAsync<ConfigurationException>(() => new EmbeddedMigrationSource(strata, "migrations/").LoadAsync(Dialect.PostgreSql, CancellationToken.None));

        error.Message.ShouldBe("assembly 'Strata' has no embedded resource whose name starts with 'migrations/'; it has no embedded resources at all");
        error.Hint.ShouldNotBeNull().ShouldStartWith("embed the files in the project file, e.g. <EmbeddedResource");
    }

    [Fact]
    public async Task A_prefix_inside_a_misnamed_folder_reads_it_as_a_migrations_folder()
    {
        var problem = (await EmbeddedMigrations.ProblemsAsync(() => EmbeddedMigrations.LoadAsync("bad/7_folder.sql/"))).ShouldHaveSingleItem();

        problem.Location.ShouldBe(Bad + "7_folder.sql/inner.sql");
        problem.Message.ShouldContain("has no version");
    }
}
