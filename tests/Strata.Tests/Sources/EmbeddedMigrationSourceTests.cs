using System.Reflection.Emit;
using System.Text;
using Strata.Sources;
using Strata.Sql;

namespace Strata.Tests.Sources;

public sealed class EmbeddedMigrationSourceTests
{
    [Fact]
    public async Task Logical_names_load_the_same_migrations_as_the_same_files_in_a_folder()
    {
        var embedded = await EmbeddedMigrations.LoadAsync("good/");
        var folder = await EmbeddedMigrations.LoadFolderAsync("Good");

        embedded.Select(m => m.DisplayName).ShouldBe(["001_initial_schema", "002_seed_demo_data", "20240101120000_add_index", "R__portfolio_ids"]);
        embedded.Select(EmbeddedMigrations.Content).ShouldBe(folder.Select(EmbeddedMigrations.Content));
        embedded.Select(m => m.Checksum).ShouldBe(folder.Select(m => m.Checksum));
    }

    [Fact]
    public async Task Versions_checksums_and_paths_come_from_the_resources()
    {
        var migrations = await EmbeddedMigrations.LoadAsync("good/");

        migrations.Select(m => (m.Version, m.VersionText, m.Kind)).ShouldBe([
            ((long?)1, "001", MigrationKind.Versioned),
            (2, "002", MigrationKind.Versioned),
            (20240101120000, "20240101120000", MigrationKind.Versioned),
            (null, "", MigrationKind.Repeatable),
        ]);
        var first = migrations[0];
        first.Matches(Checksum.Compute("CREATE TABLE portfolios (id serial PRIMARY KEY);\n")).ShouldBeTrue("a pair matches the up-only checksum stored before down files counted");
        first.SourcePath.ShouldBe("Strata.Tests:good/001_initial_schema.up.sql");
        first.Up.SourcePath.ShouldBe("Strata.Tests:good/001_initial_schema.up.sql");
        var down = first.Down.ShouldBeOfType<SqlScript>();
        (down.Sql, down.Transactional, down.SourcePath).ShouldBe(("-- strata:no-transaction\nDROP TABLE portfolios;\n", false, "Strata.Tests:good/001_initial_schema.down.sql"));
        migrations[3].Checksum.ShouldBe(Checksum.Compute("CREATE OR REPLACE VIEW portfolio_ids AS SELECT id FROM portfolios;\n"));
    }

    [Fact]
    public async Task Down_sections_and_directives_apply_to_resources()
    {
        var migrations = await EmbeddedMigrations.LoadAsync("good/");

        var seed = migrations[1];
        seed.Environments.ShouldBe(["development", "staging"]);
        seed.AppliesTo("production").ShouldBeFalse();
        seed.Up.ShouldBeOfType<SqlScript>().Sql.ShouldBe("-- strata:env development,staging\nINSERT INTO portfolios DEFAULT VALUES;\n\n");
        var down = seed.Down.ShouldBeOfType<SqlScript>();
        (down.Sql, down.FirstLine, down.Transactional, down.SourcePath).ShouldBe(("DELETE FROM portfolios;\n", 5, true, "Strata.Tests:good/002_seed_demo_data.sql"));

        var index = migrations[2];
        var up = index.Up.ShouldBeOfType<SqlScript>();
        (up.Sql, up.Transactional).ShouldBe(("-- strata:no-transaction\r\nCREATE INDEX CONCURRENTLY portfolios_id ON portfolios (id);\r\n", false));
        index.Checksum.ShouldBe(Checksum.Compute("-- strata:no-transaction\nCREATE INDEX CONCURRENTLY portfolios_id ON portfolios (id);\n"));
        index.Down.ShouldBeNull();
    }

    [Fact]
    public async Task Readme_and_subfolder_resources_are_not_migrations()
    {
        EmbeddedMigrations.Assembly.GetManifestResourceNames().ShouldContain("good/README.md");
        EmbeddedMigrations.Assembly.GetManifestResourceNames().ShouldContain("good/archive/900_old.sql");

        var migrations = await EmbeddedMigrations.LoadAsync("good/");

        migrations.ShouldNotContain(m => m.Version == 900);
        migrations.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Default_manifest_names_load_with_the_namespace_prefix()
    {
        var embedded = await EmbeddedMigrations.LoadAsync(EmbeddedMigrations.DefaultNamesPrefix);
        var folder = await EmbeddedMigrations.LoadFolderAsync("DefaultNames");

        embedded.Select(m => m.DisplayName).ShouldBe(["001_create_accounts", "002_add_name", "R__account_names"]);
        embedded.Select(EmbeddedMigrations.Content).ShouldBe(folder.Select(EmbeddedMigrations.Content));
        embedded[0].Down.ShouldBeOfType<SqlScript>().SourcePath
            .ShouldBe("Strata.Tests:Strata.Tests.Sources.EmbeddedMigrations.DefaultNames.001_create_accounts.down.sql");
        embedded[1].Down.ShouldBeOfType<SqlScript>().Sql.ShouldBe("ALTER TABLE accounts DROP COLUMN name;\n");
    }

    [Fact]
    public async Task Sqlite_flavour_reaches_the_parser()
    {
        var migrations = await EmbeddedMigrations.LoadAsync(EmbeddedMigrations.DefaultNamesPrefix, Dialect.Sqlite);

        migrations.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_narrower_prefix_takes_only_the_resources_under_it()
    {
        var migrations = await EmbeddedMigrations.LoadAsync("good/archive/");

        var only = migrations.ShouldHaveSingleItem();
        (only.Version, only.SourcePath).ShouldBe(((long?)900, "Strata.Tests:good/archive/900_old.sql"));
    }

    [Fact]
    public void A_dynamic_assembly_is_refused_at_construction()
    {
        var dynamic = AssemblyBuilder.DefineDynamicAssembly(new("Strata.Tests.Dynamic"), AssemblyBuilderAccess.Run);

        var error = Should.Throw<ArgumentException>(() => new EmbeddedMigrationSource(dynamic, "migrations/"));

        error.ParamName.ShouldBe("assembly");
        error.Message.ShouldContain("dynamic assembly");
    }

    [Fact]
    public async Task The_loader_reports_a_file_that_cannot_be_read_and_still_loads_the_others()
    {
        var entries = new[]
        {
            new MigrationFileEntry("2_b.sql", "src:2_b.sql", () => throw new IOException("disk on fire"), () => throw new IOException("disk on fire"), 10),
            new MigrationFileEntry("3_c.sql", "src:3_c.sql", () => throw new IOException("big disk on fire"), () => throw new IOException("big disk on fire"), 100),
            new MigrationFileEntry("1_a.sql", "src:1_a.sql", () => Encoding.UTF8.GetBytes("SELECT 1;"), () => new MemoryStream(Encoding.UTF8.GetBytes("SELECT 1;")), 9),
            new MigrationFileEntry("notes.txt", "src:notes.txt", () => throw new InvalidOperationException("ignored names are never read"), () => throw new InvalidOperationException("ignored names are never read"), 10),
        };

        var problems = await EmbeddedMigrations.ProblemsAsync(() => MigrationFileLoader.LoadAsync(entries, [], Dialect.PostgreSql, new FileLimits(50, null), CancellationToken.None));

        problems.ShouldBe([new("src:2_b.sql", "cannot be read: disk on fire"), new("src:3_c.sql", "cannot be read: big disk on fire")]);
    }
}
