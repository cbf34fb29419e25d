using Strata.Errors;
using Strata.Sources;
using Strata.Sql;

namespace Strata.Tests.Sources;

public sealed class DirectoryMigrationSourceTests
{
    [Fact]
    public async Task A_missing_folder_is_a_configuration_error_with_a_hint()
    {
        var missing = Path.Combine(Path.GetTempPath(), "strata-missing-" + Guid.NewGuid().ToString("N"));
        var error = await Should.ThrowAsync<ConfigurationException>(() => new DirectoryMigrationSource(missing).LoadAsync(Dialect.PostgreSql, CancellationToken.None));
        error.Message.ShouldBe($"migrations folder '{missing.Replace('\\', '/')}' does not exist");
        error.Hint.ShouldBe("run `strata init` or pass --migrations <dir>");
        error.Category.ShouldBe(ErrorCategory.BadInput);
    }

    [Fact]
    public async Task A_file_instead_of_a_folder_is_a_configuration_error()
    {
        using var folder = new TempMigrationFolder().Write("migrations", "x");
        var error = await Should.ThrowAsync<ConfigurationException>(() => new DirectoryMigrationSource(Path.Combine(folder.Path, "migrations")).LoadAsync(Dialect.PostgreSql, CancellationToken.None));
        error.Message.ShouldEndWith("migrations' is a file, not a folder");
    }

    [Fact]
    public async Task An_empty_folder_has_no_migrations()
    {
        using var folder = new TempMigrationFolder();
        (await folder.LoadAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Other_files_and_folders_are_ignored()
    {
        using var folder = new TempMigrationFolder()
            .Write("README.md", "# Migrations")
            .Write(".gitkeep", "")
            .Write("_journal.json", "{}")
            .Folder("meta")
            .Write("1_only.sql", "SELECT 1;");
        (await folder.LoadAsync()).Select(m => m.DisplayName).ShouldBe(["1_only"]);
    }

    [Fact]
    public async Task Seed_004_layout_pairs_up_and_down_files()
    {
        using var folder = new TempMigrationFolder()
            .Write("001_initial_schema.up.sql", "CREATE TABLE portfolios (id serial PRIMARY KEY);\n")
            .Write("001_initial_schema.down.sql", "-- strata:no-transaction\nDROP TABLE portfolios;\n")
            .Write("002_seed_demo_data.up.sql", "-- strata:env development,staging\nINSERT INTO portfolios DEFAULT VALUES ON CONFLICT DO NOTHING;\n")
            .Write("002_seed_demo_data.down.sql", "DELETE FROM portfolios;\n");
        var migrations = await folder.LoadAsync();

        migrations.Select(m => (m.DisplayName, m.Version, m.VersionText, m.Name, m.Kind)).ShouldBe([
            ("001_initial_schema", (long?)1, "001", "initial_schema", MigrationKind.Versioned),
            ("002_seed_demo_data", (long?)2, "002", "seed_demo_data", MigrationKind.Versioned),
        ]);
        var first = migrations[0];
        first.SourcePath.ShouldBe(folder.Shown("001_initial_schema.up.sql"));
        first.Checksum.ShouldBe(Checksum.Compute(Checksum.Compute("CREATE TABLE portfolios (id serial PRIMARY KEY);\n") + "\n" + Checksum.Compute("-- strata:no-transaction\nDROP TABLE portfolios;\n")));
        var up = first.Up.ShouldBeOfType<SqlScript>();
        (up.Sql, up.FirstLine, up.Transactional, up.SourcePath).ShouldBe(("CREATE TABLE portfolios (id serial PRIMARY KEY);\n", 1, true, folder.Shown("001_initial_schema.up.sql")));
        var down = first.Down.ShouldBeOfType<SqlScript>();
        (down.Sql, down.FirstLine, down.Transactional, down.SourcePath).ShouldBe(("-- strata:no-transaction\nDROP TABLE portfolios;\n", 1, false, folder.Shown("001_initial_schema.down.sql")));
        migrations[1].Environments.ShouldBe(["development", "staging"]);
        migrations[1].AppliesTo("production").ShouldBeFalse();
        migrations[1].AppliesTo("Development").ShouldBeTrue();
    }

    [Fact]
    public async Task An_up_file_alone_has_no_down_script()
    {
        using var folder = new TempMigrationFolder().Write("3_x.up.sql", "SELECT 1;");
        (await folder.LoadAsync()).ShouldHaveSingleItem().Down.ShouldBeNull();
    }

    [Fact]
    public async Task Seed_003_layout_with_17_digit_timestamps_orders_numerically()
    {
        using var folder = new TempMigrationFolder()
            .Write("20240312093000456_add_orders.sql", "CREATE TABLE orders (id int);")
            .Write("20240101120000123_create_users.sql", "CREATE TABLE users (id int);")
            .Write("20240201000000000_add_index.sql", "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY users_id ON users (id);");
        var migrations = await folder.LoadAsync();
        migrations.Select(m => m.VersionText).ShouldBe(["20240101120000123", "20240201000000000", "20240312093000456"]);
        migrations[1].Up.Transactional.ShouldBeFalse();
        migrations[0].Up.Transactional.ShouldBeTrue();
    }

    [Fact]
    public async Task Versions_order_numerically_then_repeatables_by_name()
    {
        using var folder = new TempMigrationFolder()
            .Write("R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;")
            .Write("100_c.sql", "SELECT 100;")
            .Write("10_b.sql", "SELECT 10;")
            .Write("R__Functions.sql", "SELECT 'f';")
            .Write("9_a.sql", "SELECT 9;")
            .Write("R__audit.sql", "SELECT 'a';");
        var migrations = await folder.LoadAsync();
        migrations.Select(m => m.DisplayName).ShouldBe(["9_a", "10_b", "100_c", "R__Functions", "R__audit", "R__views"]);
        var repeatable = migrations[^1];
        (repeatable.Version, repeatable.VersionText, repeatable.Kind, repeatable.Down).ShouldBe(((long?)null, "", MigrationKind.Repeatable, (MigrationScript?)null));
        repeatable.Checksum.ShouldBe(Checksum.Compute("CREATE OR REPLACE VIEW v AS SELECT 1;"));
    }

    [Fact]
    public async Task A_single_file_splits_into_up_and_down_at_the_marker()
    {
        const string text = "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\n\n-- strata:down\n-- strata:no-transaction\nDROP INDEX CONCURRENTLY i;\n";
        using var folder = new TempMigrationFolder().Write("7_index.sql", text.Replace("\n", "\r\n", StringComparison.Ordinal));
        var migration = (await folder.LoadAsync()).ShouldHaveSingleItem();
        var up = migration.Up.ShouldBeOfType<SqlScript>();
        (up.Sql, up.FirstLine, up.Transactional).ShouldBe(("-- strata:no-transaction\r\nCREATE INDEX CONCURRENTLY i ON t (a);\r\n\r\n", 1, false));
        var down = migration.Down.ShouldBeOfType<SqlScript>();
        (down.Sql, down.FirstLine, down.Transactional, down.SourcePath).ShouldBe(("-- strata:no-transaction\r\nDROP INDEX CONCURRENTLY i;\r\n", 5, false, folder.Shown("7_index.sql")));
        migration.Checksum.ShouldBe(Checksum.Compute(text));
    }

    [Fact]
    public async Task Down_line_numbers_map_back_to_the_file()
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", "CREATE TABLE t (a int);\n-- strata:down\n\n\nDROP TABLE t;\nSELECT nope;\n");
        var down = (await folder.LoadAsync()).ShouldHaveSingleItem().Down.ShouldBeOfType<SqlScript>();
        down.FirstLine.ShouldBe(3);
        var failing = SqlSplitter.Split(down.Sql, Dialect.PostgreSql)[1];
        (down.FirstLine + failing.Line - 1).ShouldBe(6);
    }

    [Theory]
    [InlineData("CREATE TABLE t (a int);\n-- strata:down\n")]
    [InlineData("CREATE TABLE t (a int);\n-- strata:down")]
    [InlineData("CREATE TABLE t (a int);\n-- strata:down\n-- strata:no-transaction\n;\n")]
    public async Task An_empty_down_section_means_no_down_script(string text)
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", text);
        var migration = (await folder.LoadAsync()).ShouldHaveSingleItem();
        migration.Down.ShouldBeNull();
        migration.Up.ShouldBeOfType<SqlScript>().Sql.ShouldBe("CREATE TABLE t (a int);\n");
    }

    [Fact]
    public async Task A_down_section_of_comments_only_is_a_no_op_down_script()
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", "CREATE TABLE t (a int);\n-- strata:down\n-- strata:no-transaction\n/* nothing to undo */\n;\n");
        var migration = (await folder.LoadAsync()).ShouldHaveSingleItem();
        SqlSplitter.Split(migration.Down.ShouldBeOfType<SqlScript>().Sql, Dialect.PostgreSql).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_marker_inside_a_literal_or_comment_does_not_count()
    {
        const string text = "DO $$\nBEGIN\n-- strata:down\nEND $$;\nSELECT '\n-- strata:down\n';\n/*\n-- strata:down\n*/\n";
        using var folder = new TempMigrationFolder().Write("1_x.sql", text);
        var migration = (await folder.LoadAsync()).ShouldHaveSingleItem();
        migration.Down.ShouldBeNull();
        migration.Up.ShouldBeOfType<SqlScript>().Sql.ShouldBe(text);
    }

    [Theory]
    [InlineData("-- strata:env development,test", new[] { "development", "test" })]
    [InlineData("--strata:env  development , test,development", new[] { "development", "test" })]
    [InlineData("-- strata:env ci", new[] { "ci" })]
    public async Task Env_directives_list_environments(string directive, string[] environments)
    {
        using var folder = new TempMigrationFolder().Write("1_seed.sql", $"-- demo data\n{directive}\n-- strata:no-transaction\nINSERT INTO t VALUES (1);\n");
        var migration = (await folder.LoadAsync()).ShouldHaveSingleItem();
        migration.Environments.ShouldBe(environments);
        migration.Up.Transactional.ShouldBeFalse();
    }

    [Fact]
    public async Task Prose_that_mentions_strata_is_not_a_directive()
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", "-- Strata: applied by the deploy job\n-- see strata:down below? no.\nSELECT 1;\n");
        (await folder.LoadAsync()).ShouldHaveSingleItem().Environments.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sqlite_files_are_lexed_with_sqlite_rules()
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", "CREATE TABLE [a;b] (`c'd` TEXT);\n-- strata:down\nDROP TABLE [a;b];\n");
        var migration = (await folder.LoadAsync(Dialect.Sqlite)).ShouldHaveSingleItem();
        migration.Down.ShouldBeOfType<SqlScript>().Sql.ShouldBe("DROP TABLE [a;b];\n");
    }

    [Fact]
    public async Task Paths_under_the_working_directory_are_shown_relative()
    {
        using var folder = new TempMigrationFolder(Environment.CurrentDirectory).Write("1_x.sql", "");
        var problem = await folder.SingleProblemAsync();
        problem.Location.ShouldBe(Path.GetFileName(folder.Path) + "/1_x.sql");
    }
}
