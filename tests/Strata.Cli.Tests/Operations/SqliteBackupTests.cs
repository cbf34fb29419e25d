using System.Text.Json;

namespace Strata.Cli.Tests.Operations;

/// <summary>strata backup / restore / migrate --backup on SQLite, through the online backup API, as a user runs them.</summary>
public sealed class SqliteBackupTests
{
    [Fact]
    public async Task Backup_then_a_failed_migrate_then_restore_gives_back_the_database_as_it_was()
    {
        using var workspace = Shop();
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate", "--target", "2")).ExitCode.ShouldBe(0);
        var before = SqliteDump.Of(AppDb(workspace));

        var failed = await cli.RunAsync("migrate", "--backup");

        failed.ExitCode.ShouldBe(4, failed.ToString());
        var backup = Directory.GetFiles(Path.Combine(workspace.Root, "backups")).ShouldHaveSingleItem();
        Path.GetFileName(backup).ShouldMatch(@"^app-\d{8}T\d{6}Z-v2\.sqlite$");
        failed.Stderr.ShouldContain("backups/" + Path.GetFileName(backup));
        failed.Stderr.ShouldContain($"strata restore backups/{Path.GetFileName(backup)} --replace");
        SqliteDump.Of(AppDb(workspace)).ShouldNotBe(before, "003 committed before 004 failed");

        var copy = await cli.RunAsync("restore", "backups/" + Path.GetFileName(backup), "--into", "copy.db");
        var replaced = await cli.RunAsync("restore", "backups/" + Path.GetFileName(backup), "--replace", "--yes");

        copy.ExitCode.ShouldBe(0, copy.ToString());
        SqliteDump.Of(Path.Combine(workspace.Root, "copy.db")).ShouldBe(before);
        replaced.ExitCode.ShouldBe(0, replaced.ToString());
        SqliteDump.Of(AppDb(workspace)).ShouldBe(before);
        (await cli.RunAsync("status")).Stdout.ShouldContain("pending");
    }

    [Fact]
    public async Task Backup_names_the_file_by_database_time_and_head_and_keeps_the_configured_count()
    {
        using var workspace = Shop();
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), """{ "backup": { "folder": "saved", "keep": 2 } }""");
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate", "--target", "1")).ExitCode.ShouldBe(0);
        var folder = Path.Combine(workspace.Root, "saved");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "app-20200101T000000Z-v1.sqlite"), "old");
        File.WriteAllText(Path.Combine(folder, "app-20200102T000000Z-v1.sqlite"), "old");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a backup");

        var result = await cli.RunAsync("backup", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var file = json.RootElement.GetProperty("file").GetString()!;
        file.ShouldMatch(@"^saved/app-\d{8}T\d{6}Z-v1\.sqlite$");
        json.RootElement.GetProperty("head").GetInt64().ShouldBe(1);
        json.RootElement.GetProperty("removed").EnumerateArray().Select(e => e.GetString()).ShouldBe(["saved/app-20200101T000000Z-v1.sqlite"]);
        Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(["app-20200102T000000Z-v1.sqlite", Path.GetFileName(file), "notes.txt"]);
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_backup_with_exit_2_naming_it()
    {
        using var workspace = Shop();
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate", "--target", "1")).ExitCode.ShouldBe(0);

        var text = await cli.RunAsync("restore", "migrations/001_users.sql");
        var missing = await cli.RunAsync("restore", "backups/nope.sqlite");

        text.ExitCode.ShouldBe(2, text.ToString());
        text.Stderr.ShouldContain("001_users.sql: not a SQLite database");
        missing.ExitCode.ShouldBe(2, missing.ToString());
        missing.Stderr.ShouldContain("nope.sqlite: no such backup file");
    }

    [Fact]
    public async Task Restore_on_a_protected_environment_or_with_replace_needs_confirmation_and_never_overwrites_without_replace()
    {
        using var workspace = Shop();
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), """{ "environments": { "development": {}, "production": { "protected": true } } }""");
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate", "--target", "1")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("backup")).ExitCode.ShouldBe(0);
        var backup = "backups/" + Path.GetFileName(Directory.GetFiles(Path.Combine(workspace.Root, "backups")).Single());
        File.WriteAllText(Path.Combine(workspace.Root, "taken.db"), "");

        var protectedRun = await cli.RunAsync("restore", backup, "--env", "production");
        var replace = await cli.RunAsync("restore", backup, "--replace");
        var taken = await cli.RunAsync("restore", backup, "--into", "taken.db");
        var confirmed = await cli.RunAsync("restore", backup, "--env", "production", "--yes", "--json");

        protectedRun.ExitCode.ShouldBe(2, protectedRun.ToString());
        protectedRun.Stderr.ShouldContain("environment 'production' is protected");
        protectedRun.Stderr.ShouldContain("pass --yes to confirm: the backup goes into a new database and sqlite:");
        protectedRun.Stderr.ShouldContain("app.db is left untouched");
        protectedRun.Stderr.ShouldNotContain("--dry-run", Case.Sensitive, "restore has no --dry-run to check a plan with");
        replace.ExitCode.ShouldBe(2, replace.ToString());
        replace.Stderr.ShouldContain("pass --yes");
        taken.ExitCode.ShouldBe(2, taken.ToString());
        taken.Stderr.ShouldContain("taken.db already exists");
        new FileInfo(Path.Combine(workspace.Root, "taken.db")).Length.ShouldBe(0);
        confirmed.ExitCode.ShouldBe(0, confirmed.ToString());
        using var json = JsonDocument.Parse(confirmed.Stdout);
        json.RootElement.GetProperty("replaced").GetBoolean().ShouldBeFalse();
        File.Exists(json.RootElement.GetProperty("database").GetString()!["sqlite:".Length..]).ShouldBeTrue();
    }

    [Fact]
    public async Task Migrate_backup_takes_no_backup_when_nothing_is_pending()
    {
        using var workspace = Shop();
        workspace.Write("004_broken.sql", "SELECT 1;");
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);

        var result = await cli.RunAsync("migrate", "--backup");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Already up to date");
        Directory.Exists(Path.Combine(workspace.Root, "backups")).ShouldBeFalse();
    }

    private static string AppDb(Workspace workspace) => Path.Combine(workspace.Root, "app.db");

    private static Workspace Shop() => new Workspace()
        .Write("001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\nINSERT INTO users (name) VALUES ('ada'), ('grace');\n")
        .Write("002_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), total REAL);\nINSERT INTO orders (user_id, total) VALUES (1, 9.5);\n")
        .Write("003_index.sql", "CREATE INDEX orders_user ON orders (user_id);\nUPDATE users SET name = upper(name);\n")
        .Write("004_broken.sql", "ALTER TABLE orders ADD COLUMN note TEXT;\nINSERT INTO missing_table VALUES (1);\n");
}
