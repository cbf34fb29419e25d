using System.Text.Json;

namespace Strata.Cli.Tests;

/// <summary>
/// Commands that only read never create an SQLite file: a missing one is "database not found" (exit 5) naming the
/// path; and <c>--offline</c> checks the files with no database at all.
/// </summary>
public sealed class ReadOnlyCommandsTests
{
    private static Workspace WithMigration() => new Workspace()
        .Write("001_t.sql", "CREATE TABLE t (id INTEGER);\n-- strata:down\nDROP TABLE t;\n");

    [Theory]
    [InlineData("sqlite:ap.db", "status")]
    [InlineData("sqlite:ap.db", "validate")]
    [InlineData("sqlite:ap.db", "rollback")]
    [InlineData("sqlite:ap.db", "rollback --dry-run")]
    [InlineData("sqlite:ap.db", "mark-rolled-back 1")]
    [InlineData("sqlite:ap.db", "repair")]
    [InlineData("sqlite:ap.db", "pull -o -")]
    public async Task Read_only_commands_never_create_a_sqlite_file_and_say_database_not_found(string database, string command)
    {
        using var workspace = WithMigration();
        File.WriteAllText(Path.Combine(workspace.Root, "schema.sql"), "CREATE TABLE t (id INTEGER);\n");
        var file = Path.Combine(workspace.Root, database["sqlite:".Length..]);

        var result = await new Cli(workspace.Root).RunAsync(["--database", database, "--yes", .. command.Split(' ')]);

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain($"database not found: the SQLite file {file} does not exist; nothing was created");
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task Dump_diff_and_lint_work_without_the_file_say_so_and_create_nothing()
    {
        using var workspace = WithMigration();
        File.WriteAllText(Path.Combine(workspace.Root, "schema.sql"), "CREATE TABLE t (id INTEGER);\n");
        var cli = new Cli(workspace.Root).With("DATABASE_URL", "sqlite:typo.db");

        var dump = await cli.RunAsync("dump");
        var diff = await cli.RunAsync("diff");
        var lint = await cli.RunAsync("lint");

        dump.ExitCode.ShouldBe(0, dump.ToString());
        diff.ExitCode.ShouldBe(0, diff.ToString());
        diff.Stdout.ShouldContain("CREATE TABLE t");
        diff.Stderr.ShouldContain("note: sqlite:typo.db does not exist yet: compared as an empty database (nothing was created)");
        lint.ExitCode.ShouldBe(0, lint.ToString());
        lint.Stderr.ShouldContain("note: sqlite:typo.db does not exist (yet), so it has no history: every file was linted");
        File.Exists(Path.Combine(workspace.Root, "typo.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Dry_run_of_migrate_on_a_missing_file_plans_everything_says_so_and_creates_nothing()
    {
        using var workspace = WithMigration();

        var result = await workspace.Cli().RunAsync("migrate", "--dry-run");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Dry run: 1 migration would run");
        result.Stdout.ShouldContain("CREATE TABLE t (id INTEGER);");
        result.Stderr.ShouldContain("does not exist yet: planned as for an empty database");
        File.Exists(Path.Combine(workspace.Root, "app.db")).ShouldBeFalse();
    }

    [Fact]
    public async Task Validate_offline_checks_the_files_without_reaching_the_database()
    {
        using var workspace = WithMigration();
        var unreachable = new Cli(workspace.Root).With("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none?connect_timeout=1");

        var online = await unreachable.RunAsync("validate");
        var offline = await unreachable.RunAsync("validate", "--offline");
        workspace.Write("001_again.sql", "SELECT 1;\n");
        var duplicate = await unreachable.RunAsync("validate", "--offline");

        online.ExitCode.ShouldBe(5, online.ToString());
        offline.ExitCode.ShouldBe(0, offline.ToString());
        offline.Stdout.ShouldContain("1 migration checked: names, order, duplicates, encodings and directives are valid. Offline: no database contacted");
        duplicate.ExitCode.ShouldBe(2, duplicate.ToString());
        duplicate.Stderr.ShouldContain("001_again.sql");
    }

    [Fact]
    public async Task Migrate_dry_run_offline_prints_the_plan_of_an_empty_database_without_connecting()
    {
        using var workspace = WithMigration().Write("002_u.sql", "CREATE TABLE u (id INTEGER);\n");
        var unreachable = new Cli(workspace.Root).With("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none?connect_timeout=1");

        var text = await unreachable.RunAsync("migrate", "--dry-run", "--offline", "--target", "1");
        var json = await unreachable.RunAsync("migrate", "--dry-run", "--offline", "--json");
        var notDry = await unreachable.RunAsync("migrate", "--offline");

        text.ExitCode.ShouldBe(0, text.ToString());
        text.Stdout.ShouldContain("Offline: 2 migrations checked, no database contacted; planned as for an empty database. Dry run: 1 migration would run");
        text.Stdout.ShouldContain("CREATE TABLE t (id INTEGER);");
        text.Stdout.ShouldNotContain("CREATE TABLE u");
        json.ExitCode.ShouldBe(0, json.ToString());
        using (var document = JsonDocument.Parse(json.Stdout))
        {
            document.RootElement.GetProperty("offline").GetBoolean().ShouldBeTrue();
            document.RootElement.GetProperty("steps").GetArrayLength().ShouldBe(2);
        }

        notDry.ExitCode.ShouldBe(2, notDry.ToString());
        notDry.Stderr.ShouldContain("--offline only previews");
    }
}
