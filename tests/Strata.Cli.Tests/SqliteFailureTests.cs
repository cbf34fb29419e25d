using System.Text;

namespace Strata.Cli.Tests;

/// <summary>Errors a user can cause, each with its exit code and a message naming the file.</summary>
public sealed class SqliteFailureTests
{
    [Fact]
    public async Task Bad_file_names_are_all_reported_before_the_database_is_touched()
    {
        using var workspace = new Workspace()
            .Write("1_ok.sql", "CREATE TABLE ok (id INTEGER);")
            .Write("V2__flyway.sql", "SELECT 1;")
            .Write("3_x.SQL", "SELECT 1;")
            .Write("4_x.sql.bak", "SELECT 1;")
            .Write("5_a.sql", "SELECT 1;")
            .Write("005_b.sql", "SELECT 1;")
            .Write("6_empty.sql", "")
            .Write("README.md", "not a migration");

        var result = await workspace.Cli().RunAsync("migrate");

        result.ExitCode.ShouldBe(2, result.ToString());
        foreach (var name in new[] { "V2__flyway.sql", "3_x.SQL", "4_x.sql.bak", "5_a.sql", "005_b.sql", "6_empty.sql" })
        {
            result.Stderr.ShouldContain(name);
        }

        result.Stderr.ShouldContain("5 problems");
        result.Stderr.ShouldNotContain("README.md:");
        File.Exists(Path.Combine(workspace.Root, "app.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Migration_3_of_5_failing_exits_4_with_file_and_line_and_a_rerun_after_the_fix_completes()
    {
        using var workspace = Five();
        workspace.Write("003_c.sql", "CREATE TABLE c (id INTEGER);\n\n-- the typo is on line 4\nINSERT INTO cc (id) VALUES (1);\n");
        var cli = workspace.Cli();

        var failed = await cli.RunAsync("migrate");

        failed.ExitCode.ShouldBe(4, failed.ToString());
        failed.Stderr.ShouldContain("migrations/003_c.sql:4:");
        failed.Stderr.ShouldContain("no such table: cc");
        failed.Stderr.ShouldContain("INSERT INTO cc (id) VALUES (1);");
        failed.Stderr.ShouldContain("nothing of 003_c was applied");
        failed.Stdout.ShouldContain("001_a");
        failed.Stdout.ShouldContain("002_b");
        var status = await cli.RunAsync("status", "--json");
        status.Stdout.ShouldContain("\"pending\": 3");

        workspace.Write("003_c.sql", "CREATE TABLE c (id INTEGER);\n\n-- fixed\nINSERT INTO c (id) VALUES (1);\n");
        var rerun = await cli.RunAsync("migrate");

        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        rerun.Stdout.ShouldContain("Applied 3 migrations");
    }

    [Fact]
    public async Task An_edited_applied_file_stops_validate_and_migrate_with_exit_2_before_any_sql()
    {
        using var workspace = Five();
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate", "--target", "2")).ExitCode.ShouldBe(0);
        workspace.Write("001_a.sql", "CREATE TABLE a (id INTEGER, note TEXT);");

        var validate = await cli.RunAsync("validate");
        var migrate = await cli.RunAsync("migrate");
        var status = await cli.RunAsync("status");

        validate.ExitCode.ShouldBe(2, validate.ToString());
        validate.Stderr.ShouldContain("migrations/001_a.sql");
        validate.Stderr.ShouldContain("checksum");
        validate.Stderr.ShouldContain("strata repair");
        migrate.ExitCode.ShouldBe(2, migrate.ToString());
        status.ExitCode.ShouldBe(3);
        status.Stdout.ShouldContain("changed");
        (await cli.RunAsync("status", "--json")).Stdout.ShouldContain("\"pending\": 3");
    }

    [Fact]
    public async Task The_same_file_saved_with_crlf_and_a_bom_still_validates()
    {
        using var workspace = Five();
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        var text = File.ReadAllText(Path.Combine(workspace.Migrations, "002_b.sql")).Replace("\n", "\r\n", StringComparison.Ordinal);
        workspace.WriteBytes("002_b.sql", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);

        var validate = await cli.RunAsync("validate");

        validate.ExitCode.ShouldBe(0, validate.ToString());
        validate.Stdout.ShouldContain("valid");
    }

    [Fact]
    public async Task Rollback_refuses_when_a_down_script_is_missing_and_changes_nothing()
    {
        using var workspace = Five();
        workspace.Write("005_e.sql", "CREATE TABLE e (id INTEGER);");
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);

        var result = await cli.RunAsync("rollback", "--steps", "2");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("005_e.sql");
        result.Stderr.ShouldContain("no down script");
        (await cli.RunAsync("status")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_sqlite_path_into_a_missing_folder_is_bad_input_exit_2_naming_the_folder()
    {
        using var workspace = Five();
        var result = await new Cli(workspace.Root).RunAsync("status", "--database", "sqlite:/no/such/folder/app.db");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("(from --database) is in a folder that does not exist: /no/such/folder/");
    }

    private static Workspace Five()
    {
        var workspace = new Workspace();
        foreach (var (v, name) in new[] { (1, "a"), (2, "b"), (3, "c"), (4, "d"), (5, "e") })
        {
            workspace.Write($"00{v}_{name}.sql", $"CREATE TABLE {name} (id INTEGER);\n\n-- strata:down\nDROP TABLE {name};\n");
        }

        return workspace;
    }
}
