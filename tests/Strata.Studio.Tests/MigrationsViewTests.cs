using Strata.Execution;
using Strata.Lint;
using Strata.Sources;
using Strata.Sqlite;

namespace Strata.Studio.Tests;

/// <summary>The migrations view: the engine's status (applied and pending) and the lint findings of the pending files only.</summary>
public sealed class MigrationsViewTests : IDisposable
{
    private readonly SqliteStudio _sqlite = new();

    public void Dispose() => _sqlite.Dispose();

    [Fact]
    public async Task History_pending_and_the_lint_findings_of_pending_files_are_shown()
    {
        var folder = Path.Combine(_sqlite.Folder, "migrations");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "001_users.up.sql"), "create table users (id integer primary key, name text);\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "001_users.down.sql"), "drop table users;\n");
        Migrator Migrator() => new(new SqliteDialect(_sqlite.Path), new DirectoryMigrationSource(folder, _sqlite.Folder));
        await Migrator().MigrateAsync();
        await File.WriteAllTextAsync(Path.Combine(folder, "002_drop_users.up.sql"), "drop table users;\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "002_drop_users.down.sql"), "create table users (id integer primary key);\n");

        await using var client = await StudioClient.StartAsync(_sqlite.Options() with { Migrations = Migrator, Lint = new LintOptions { Dialect = Dialect.Sqlite } });
        var view = await client.GetJsonAsync("/api/migrations");
        var migrations = view.GetProperty("migrations").EnumerateArray().Select(m => (m.GetProperty("version").GetInt64(), m.GetProperty("status").GetString())).ToList();
        migrations.ShouldBe([(1L, "applied"), (2L, "pending")]);
        view.GetProperty("migrations")[0].GetProperty("appliedAt").GetString().ShouldNotBeNullOrEmpty();
        var finding = view.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        finding.GetProperty("rule").GetString().ShouldBe("drop-table");
        finding.GetProperty("location").GetString()!.ShouldContain("002_drop_users.up.sql:1");
        finding.GetProperty("severity").GetString().ShouldBe("error");
    }

    [Fact]
    public async Task Each_migration_carries_its_SQL_and_an_edited_applied_file_shows_both_checksums()
    {
        var folder = Path.Combine(_sqlite.Folder, "migrations");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "001_users.up.sql"), "create table users (id integer primary key);\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "001_users.down.sql"), "drop table users;\n");
        Migrator Migrator() => new(new SqliteDialect(_sqlite.Path), new DirectoryMigrationSource(folder, _sqlite.Folder));
        await Migrator().MigrateAsync();
        await File.WriteAllTextAsync(Path.Combine(folder, "001_users.up.sql"), "create table users (id integer primary key, name text);\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "002_posts.up.sql"), "create table posts (id integer primary key);\n");

        await using var client = await StudioClient.StartAsync(_sqlite.Options() with { Migrations = Migrator });
        var view = await client.GetJsonAsync("/api/migrations");
        var changed = view.GetProperty("migrations")[0];
        changed.GetProperty("status").GetString().ShouldBe("changed");
        changed.GetProperty("sql").GetString()!.ShouldContain("name text");
        changed.GetProperty("down").GetString()!.ShouldContain("drop table users");
        changed.GetProperty("checksum").GetString().ShouldNotBe(changed.GetProperty("appliedChecksum").GetString());
        changed.GetProperty("path").GetString()!.ShouldEndWith("001_users.up.sql");
        var pending = view.GetProperty("migrations")[1];
        pending.GetProperty("status").GetString().ShouldBe("pending");
        pending.GetProperty("sql").GetString().ShouldBe("create table posts (id integer primary key);\n");
        pending.TryGetProperty("appliedChecksum", out _).ShouldBeFalse();
        view.GetProperty("lock").GetProperty("held").GetBoolean().ShouldBeFalse();
        view.GetProperty("lock").GetProperty("text").GetString()!.ShouldContain("SQLite has no migration lock");
    }

    [Fact]
    public async Task Without_a_migrations_source_the_view_is_absent()
    {
        await _sqlite.ExecuteAsync("create table t (id integer primary key)");
        await using var client = await StudioClient.StartAsync(_sqlite.Options());
        (await client.GetJsonAsync("/api/info")).GetProperty("migrations").GetBoolean().ShouldBeFalse();
        using var response = await client.GetAsync("/api/migrations");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
