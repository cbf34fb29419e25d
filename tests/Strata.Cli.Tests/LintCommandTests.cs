using System.Text.Json;

namespace Strata.Cli.Tests;

/// <summary><c>strata lint</c> as a user runs it: text, JSON, SARIF, history checks, suppressions and configuration.</summary>
public sealed class LintCommandTests
{
    private const string Risky = "-- risky\nALTER TABLE users DROP COLUMN email;\nCREATE INDEX users_name ON users (name);\n-- strata:down\nSELECT 1;\n";

    [Fact]
    public async Task Text_output_names_file_line_rule_why_and_alternative_and_exits_3_on_errors()
    {
        using var workspace = Put(Postgres(), "migrations/002_risky.sql", Risky);

        var result = await Offline(workspace).RunAsync("lint");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.ShouldContain("migrations/002_risky.sql:2:1  error  drop-column  drops column users.email");
        result.Stdout.ShouldContain("migrations/002_risky.sql:3:1  warning  create-index-non-concurrently");
        result.Stdout.ShouldContain("why: dropping a column deletes its data");
        result.Stdout.ShouldContain("instead: stop reading and writing the column");
        result.Stdout.ShouldContain("1 error, 1 warning, 0 notes in 2 files");
    }

    [Fact]
    public async Task Quiet_prints_only_the_errors_a_line_each()
    {
        using var workspace = Put(Postgres(), "migrations/002_risky.sql", Risky);

        var result = await Offline(workspace).RunAsync("lint", "--quiet");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.Trim().ShouldBe("migrations/002_risky.sql:2:1  error  drop-column  drops column users.email");
    }

    [Fact]
    public async Task Only_warnings_exit_0_and_named_files_limit_the_run()
    {
        using var workspace = Put(Put(Postgres(), "migrations/002_risky.sql", Risky), "migrations/003_index.sql", "CREATE INDEX a ON users (a);\n-- strata:down\nDROP INDEX a;\n");

        var result = await Offline(workspace).RunAsync("lint", "migrations/003_index.sql");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldNotContain("002_risky");
        result.Stdout.ShouldContain("0 errors, 1 warning, 0 notes in 1 file");
        var unknown = await Offline(workspace).RunAsync("lint", "migrations/009_nope.sql");
        unknown.ExitCode.ShouldBe(2, unknown.ToString());
        unknown.Stderr.ShouldContain("migrations/009_nope.sql is not a migration in");
    }

    [Fact]
    public async Task Json_output_lists_each_finding_with_its_rule_and_location()
    {
        using var workspace = Put(Postgres(), "migrations/002_risky.sql", Risky);

        var result = await Offline(workspace).RunAsync("lint", "--json");

        result.ExitCode.ShouldBe(3, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("errors").GetInt32().ShouldBe(1);
        var first = json.RootElement.GetProperty("findings")[0];
        first.GetProperty("rule").GetString().ShouldBe("drop-column");
        first.GetProperty("file").GetString().ShouldBe("migrations/002_risky.sql");
        first.GetProperty("line").GetInt32().ShouldBe(2);
        first.GetProperty("instead").GetString()!.ShouldContain("expand/contract");
    }

    [Fact]
    public async Task Sarif_output_has_the_2_1_0_shape_code_scanning_needs()
    {
        using var workspace = Put(Postgres(), "migrations/002_risky.sql", Risky);

        var result = await Offline(workspace).RunAsync("lint", "--format", "sarif", "--output", "lint.sarif");

        result.ExitCode.ShouldBe(3, result.ToString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "lint.sarif")));
        var root = sarif.RootElement;
        root.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = root.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        rules.ShouldContain("drop-column");
        foreach (var finding in run.GetProperty("results").EnumerateArray())
        {
            var index = finding.GetProperty("ruleIndex").GetInt32();
            rules[index].ShouldBe(finding.GetProperty("ruleId").GetString());
            finding.GetProperty("level").GetString().ShouldBeOneOf("error", "warning", "note");
            finding.GetProperty("message").GetProperty("text").GetString()!.ShouldNotBeNullOrWhiteSpace();
            var location = finding.GetProperty("locations")[0].GetProperty("physicalLocation");
            location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("migrations/002_risky.sql");
            location.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task Strata_json_changes_severities_and_suppressions_silence_one_statement()
    {
        using var workspace = Put(
            Put(Postgres(), "strata.json", """{ "migrations": "migrations", "lint": { "rules": { "create-index-non-concurrently": "error" } } }"""),
            "migrations/002_risky.sql",
            "-- strata:lint-ignore drop-column unused since 4.2\n" + Risky);

        var result = await Offline(workspace).RunAsync("lint");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.ShouldNotContain("drop-column  drops");
        result.Stdout.ShouldContain("error  create-index-non-concurrently");
        result.Stdout.ShouldContain("(1 suppressed by strata:lint-ignore)");
        var migrate = await workspace.Cli().RunAsync("validate", "--offline");
        migrate.ExitCode.ShouldBe(0, "a lint-ignore comment is not an unknown directive\n" + migrate);
    }

    [Fact]
    public async Task A_bad_severity_in_strata_json_is_exit_2_naming_the_key()
    {
        using var workspace = Put(Postgres(), "strata.json", """{ "migrations": "migrations", "lint": { "rules": { "drop-column": "fatal" } } }""");

        var result = await Offline(workspace).RunAsync("lint");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("\"lint.rules.drop-column\" must be \"error\", \"warning\", \"note\" or \"off\"");
    }

    [Fact]
    public async Task With_a_database_only_pending_files_are_linted_and_edited_applied_files_are_errors()
    {
        using var workspace = new Workspace().Write("001_users.sql", "CREATE TABLE users (id int, email text);\n-- strata:down\nDROP TABLE users;\n");
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        workspace.Write("001_users.sql", "CREATE TABLE users (id int, email text, name text);\n-- strata:down\nDROP TABLE users;\n");
        workspace.Write("002_drop.sql", "ALTER TABLE users DROP COLUMN email;\n-- strata:down\nSELECT 1;\n");

        var result = await cli.RunAsync("lint");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.ShouldContain("migrations/001_users.sql  error  edited-applied  001_users: file edited after it was applied");
        result.Stdout.ShouldContain("migrations/002_drop.sql:1:1  error  drop-column");
        result.Stdout.ShouldContain("in 1 file");
        var offline = await cli.RunAsync("lint", "--offline");
        offline.Stdout.ShouldNotContain("edited-applied");
    }

    [Fact]
    public async Task Misnamed_files_are_file_name_errors()
    {
        using var workspace = Put(Postgres(), "migrations/V2__bad.sql", "SELECT 1;\n");

        var result = await Offline(workspace).RunAsync("lint");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.ShouldContain("error  file-name");
        result.Stdout.ShouldContain("V2__bad.sql");
    }

    [Fact]
    public async Task Measuring_on_sqlite_is_exit_2_after_the_static_rules_ran()
    {
        using var workspace = new Workspace().Write("001_users.sql", "CREATE TABLE users (id int, email text);\n-- strata:down\nDROP TABLE users;\n")
            .Write("002_drop.sql", "ALTER TABLE users DROP COLUMN email;\n-- strata:down\nSELECT 1;\n");

        var result = await workspace.Cli().RunAsync("lint", "--measure");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stdout.ShouldContain("migrations/002_drop.sql:1:1  error  drop-column");
        result.Stderr.ShouldContain("--measure needs PostgreSQL, but the configured database is sqlite:app.db: nothing was measured; the static rules ran (above)");
        File.Exists(Path.Combine(workspace.Root, "app.db")).ShouldBeFalse("lint never creates the SQLite file");
        using var files = Postgres();
        var offline = await Offline(files).RunAsync("lint", "--measure", "--offline");
        offline.ExitCode.ShouldBe(2, offline.ToString());
        offline.Stderr.ShouldContain("--measure cannot be combined with --offline");
    }

    [Fact]
    public async Task Lint_help_teaches_measuring_and_the_table_size_thresholds()
    {
        using var workspace = Postgres();

        var help = await Offline(workspace).RunAsync("lint", "--help");

        help.Stdout.ShouldContain("--measure");
        help.Stdout.ShouldContain("--against <url-or-environment>");
        help.Stdout.ShouldContain("lint.small");
        help.Stdout.ShouldContain("scratch database");
    }

    [Fact]
    public async Task Malformed_table_size_thresholds_are_exit_2_naming_the_key()
    {
        using var workspace = Put(Postgres(), "strata.json", """{ "migrations": "migrations", "lint": { "small": { "rows": 100, "size": "ten" } } }""");

        var result = await Offline(workspace).RunAsync("lint");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("\"lint.small.size\" must be a size such as \"10MB\"");
    }

    /// <summary>A workspace with one harmless migration and a strata.json without a database: PostgreSQL rules, files only.</summary>
    private static Workspace Postgres() => Put(
        new Workspace().Write("001_init.sql", "CREATE TABLE users (id int, email text, name text);\n-- strata:down\nDROP TABLE users;\n"),
        "strata.json",
        """{ "migrations": "migrations" }""");

    /// <summary>Writes <paramref name="relative"/> under the workspace root.</summary>
    private static Workspace Put(Workspace workspace, string relative, string text)
    {
        File.WriteAllText(Path.Combine(workspace.Root, relative), text);
        return workspace;
    }

    /// <summary>strata without DATABASE_URL: only strata.json configures it.</summary>
    private static Cli Offline(Workspace workspace) => new(workspace.Root);
}
