namespace Strata.Cli.Tests;

/// <summary>
/// Issue 12 leftovers: the header shows the environment as it is (none chosen among strata.json's, a strata.json
/// default, or the built-in development), and an SQLite path into a folder that does not exist is exit 2 naming the
/// path, the setting it came from and the fix, for every command that opens it, with nothing created.
/// </summary>
public sealed class EnvironmentAndPathDisplayTests
{
    [Fact]
    public async Task Status_says_no_environment_was_chosen_among_those_strata_json_declares_and_how_to_pick_one()
    {
        using var workspace = new Workspace().Write("1_a.sql", "CREATE TABLE a (id INTEGER);\n");
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), """{ "environments": { "prod": { "protected": true }, "dev": {} } }""");

        var migrate = await workspace.Cli().RunAsync("migrate");
        var status = await workspace.Cli().RunAsync("status");
        var chosen = await workspace.Cli().RunAsync("status", "--env", "dev");

        migrate.Stdout.ShouldContain("(environment none chosen (strata.json declares dev, prod: pick one with --env or STRATA_ENV), folder migrations/)");
        status.Stdout.ShouldContain("Environment none chosen (strata.json declares dev, prod: pick one with --env or STRATA_ENV)");
        status.Stdout.ShouldNotContain("development");
        chosen.Stdout.ShouldContain("Environment dev");
        chosen.Stdout.ShouldNotContain("none chosen");
    }

    [Fact]
    public async Task The_environment_strata_json_names_as_its_default_is_shown_as_that()
    {
        using var workspace = new Workspace().Write("1_a.sql", "CREATE TABLE a (id INTEGER);\n");
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), """{ "environment": "dev", "environments": { "dev": {}, "prod": {} } }""");

        var migrate = await workspace.Cli().RunAsync("migrate");

        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("(environment dev (strata.json default), folder migrations/)");
    }

    [Theory]
    [InlineData("migrate", "--dry-run")]
    [InlineData("migrate")]
    [InlineData("status")]
    [InlineData("validate")]
    [InlineData("baseline", "--version", "1")]
    [InlineData("adopt")]
    public async Task DB_PATH_into_a_missing_folder_is_exit_2_naming_the_path_the_variable_and_the_fix(params string[] command)
    {
        using var workspace = new Workspace().Write("1_a.sql", "CREATE TABLE a (id INTEGER);\n");

        var run = await new Cli(workspace.Root).With("DB_PATH", "data/app.db").RunAsync(command);

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Stderr.ShouldContain("the SQLite database sqlite:data/app.db (from DB_PATH (environment)) is in a folder that does not exist: data/; nothing was created");
        run.Stderr.ShouldContain("`mkdir -p data`");
        run.Stderr.ShouldNotContain("note:");
        Directory.Exists(Path.Combine(workspace.Root, "data")).ShouldBeFalse();
    }
}
