using System.Diagnostics;
using System.Text.Json;

namespace Strata.Cli.Tests.Lint;

/// <summary>Issue 18 items 4, 5 and 7 as a user sees them: the style pack switch, --since, SARIF locations, whole statements in --json.</summary>
public sealed class LintOutputTests
{
    private const string MultiLine = "ALTER TABLE users\n    DROP COLUMN email;\n-- strata:down\nSELECT 1;\n";

    [Fact]
    public async Task Json_statement_holds_the_whole_statement_text()
    {
        using var workspace = Configured(new Workspace().Write("002_drop.sql", MultiLine), """{ "migrations": "migrations" }""");

        var result = await new Cli(workspace.Root).RunAsync("lint", "--json");

        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("findings")[0].GetProperty("statement").GetString().ShouldBe("ALTER TABLE users\n    DROP COLUMN email");
    }

    [Fact]
    public async Task Sarif_uris_are_relative_to_the_repository_root_even_for_a_folder_above_the_working_directory()
    {
        using var workspace = Configured(new Workspace().Write("002_drop.sql", MultiLine), """{ "migrations": "migrations" }""");
        Directory.CreateDirectory(Path.Combine(workspace.Root, ".git"));
        var app = Directory.CreateDirectory(Path.Combine(workspace.Root, "app")).FullName;

        var result = await new Cli(app).RunAsync("lint", "-m", "../migrations", "--format", "sarif");

        using var sarif = JsonDocument.Parse(result.Stdout);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("version").GetString().ShouldNotBeNullOrWhiteSpace();
        driver.GetProperty("informationUri").GetString()!.ShouldStartWith("https://");
        run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString().ShouldBe(new Uri(workspace.Root + "/").AbsoluteUri);
        var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        location.GetProperty("uri").GetString().ShouldBe("migrations/002_drop.sql");
        location.GetProperty("uriBaseId").GetString().ShouldBe("%SRCROOT%");
    }

    [Fact]
    public async Task The_style_pack_is_off_by_default_and_on_in_strata_json()
    {
        const string Table = "CREATE TABLE accounts (id serial PRIMARY KEY, name varchar(80), created timestamp);\n-- strata:down\nDROP TABLE accounts;\n";
        using var off = Configured(new Workspace().Write("001_accounts.sql", Table), """{ "migrations": "migrations" }""");
        using var on = Configured(new Workspace().Write("001_accounts.sql", Table), """{ "migrations": "migrations", "lint": { "style": true } }""");

        var quiet = await new Cli(off.Root).RunAsync("lint");
        var styled = await new Cli(on.Root).RunAsync("lint");

        quiet.Stdout.ShouldNotContain("prefer-");
        styled.ExitCode.ShouldBe(0, "style findings are notes");
        styled.Stdout.ShouldContain("note  prefer-identity  accounts.id is serial");
        styled.Stdout.ShouldContain("note  prefer-text  accounts.name is varchar(80)");
        styled.Stdout.ShouldContain("note  prefer-timestamptz  accounts.created is timestamp without time zone");
        styled.Stdout.ShouldContain("note  prefer-bigint  accounts.id is a serial key");
    }

    [Fact]
    public async Task Since_a_git_revision_lints_the_files_added_since_as_one_release()
    {
        using var workspace = Configured(new Workspace().Write("001_users.sql", "CREATE TABLE users (id bigint, email text);\n-- strata:down\nDROP TABLE users;\n"), """{ "migrations": "migrations" }""");
        Git(workspace.Root, "init", "-q");
        Git(workspace.Root, "add", ".");
        Git(workspace.Root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "release 1");
        workspace.Write("002_events.sql", "CREATE TABLE events (id bigint, at timestamptz);\n-- strata:down\nDROP TABLE events;\n")
            .Write("003_events_at.sql", "CREATE INDEX events_at ON events (at);\nALTER TABLE users DROP COLUMN email;\n-- strata:down\nSELECT 1;\n");

        var result = await new Cli(workspace.Root).RunAsync("lint", "--since", "HEAD");

        result.Stdout.ShouldNotContain("001_users");
        result.Stdout.ShouldNotContain("create-index-non-concurrently", customMessage: "events is new in the release");
        result.Stdout.ShouldContain("migrations/003_events_at.sql:2:1  error  drop-column  drops column users.email");
        result.Stdout.ShouldContain("in 2 files");
        var unknown = await new Cli(workspace.Root).RunAsync("lint", "--since", "no-such-branch");
        unknown.ExitCode.ShouldBe(2, unknown.ToString());
        unknown.Stderr.ShouldContain("--since no-such-branch: git cannot list the migrations folder at that revision");
    }

    [Fact]
    public async Task With_a_database_the_pending_migrations_are_the_release_and_the_applied_ones_the_previous_release()
    {
        using var workspace = new Workspace().Write("001_users.sql", "CREATE TABLE users (id int, email text);\n-- strata:down\nDROP TABLE users;\n");
        (await workspace.Cli().RunAsync("migrate")).ExitCode.ShouldBe(0);
        workspace.Write("002_events.sql", "CREATE TABLE events (id int, at text, note text);\n-- strata:down\nDROP TABLE events;\n")
            .Write("003_drops.sql", "ALTER TABLE events DROP COLUMN note;\nALTER TABLE users DROP COLUMN email;\n-- strata:down\nSELECT 1;\n");

        var result = await workspace.Cli().RunAsync("lint");

        result.Stdout.ShouldContain("migrations/003_drops.sql:2:1  error  drop-column  drops column users.email");
        result.Stdout.ShouldNotContain("events.note", customMessage: "events is created by a pending migration: new in this release");
    }

    private static Workspace Configured(Workspace workspace, string json)
    {
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), json);
        return workspace;
    }

    private static void Git(string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.WaitForExit();
        var error = process.StandardError.ReadToEnd();
        process.ExitCode.ShouldBe(0, error);
    }
}
