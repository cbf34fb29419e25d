namespace Strata.Cli.Tests;

/// <summary><c>strata init</c> says which database the commands run here will really use, and why.</summary>
public sealed class InitTests
{
    [Fact]
    public async Task Init_with_database_url_exported_says_which_database_commands_will_use_and_why()
    {
        using var workspace = new Workspace();
        var cli = new Cli(workspace.Root).With("DATABASE_URL", "postgres://app@db.example.com/shop");

        var result = await cli.RunAsync("init");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("created strata.json and migrations/");
        result.Stdout.ShouldContain("Commands here will use postgres://app@db.example.com:5432/shop, from DATABASE_URL (environment); strata.json names no database of its own");
        File.ReadAllText(Path.Combine(workspace.Root, "strata.json")).ShouldNotContain("sqlite:app.db", customMessage: "a SQLite file nothing would open is not written when the environment names the database");
    }

    [Fact]
    public async Task Init_with_nothing_exported_says_the_sqlite_file_of_strata_json_will_be_used()
    {
        using var workspace = new Workspace();
        Directory.Delete(workspace.Migrations);

        var result = await new Cli(workspace.Root).RunAsync("init");
        var again = await new Cli(workspace.Root).RunAsync("init", "--database", "sqlite:other.db");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Commands here will use sqlite:app.db (strata.json database).");
        again.ExitCode.ShouldBe(2, again.ToString());
    }

    [Fact]
    public async Task Init_with_a_database_option_while_dotenv_names_another_says_dotenv_wins_later()
    {
        using var workspace = new Workspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".env"), "DB_PATH=local.db\n");

        var result = await new Cli(workspace.Root).RunAsync("init", "--database", "sqlite:chosen.db");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("strata.json names sqlite:chosen.db; commands here will use sqlite:local.db instead, from DB_PATH (.env): environment variables and .env come before strata.json (unset DB_PATH");
    }
}
