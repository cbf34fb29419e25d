namespace Strata.Cli.Tests;

/// <summary><c>strata reset</c> through the dialect's wipe role: the database is emptied, then every migration applies again.</summary>
public sealed class ResetCommandTests
{
    [Fact]
    public async Task Reset_wipes_the_sqlite_database_and_applies_every_migration_again()
    {
        using var workspace = new Workspace().Write("001_a.sql", "CREATE TABLE a (id integer);\n-- strata:down\nDROP TABLE a;\n");
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);

        var reset = await cli.RunAsync("reset", "--yes");

        reset.ExitCode.ShouldBe(0, reset.ToString());
        reset.Stdout.ShouldContain("Applied 1 migration", Case.Sensitive, "the history went with the wipe, so the migration runs again");
        var status = await cli.RunAsync("status");
        status.ExitCode.ShouldBe(0, status.ToString());
    }

    [Fact]
    public async Task Reset_without_yes_and_without_a_terminal_is_refused_and_wipes_nothing()
    {
        using var workspace = new Workspace().Write("001_a.sql", "CREATE TABLE a (id integer);\n");
        var cli = workspace.Cli();
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);

        var reset = await cli.RunAsync("reset");

        reset.ExitCode.ShouldBe(2, reset.ToString());
        reset.Stderr.ShouldContain("pass --yes to confirm");
        var migrate = await cli.RunAsync("migrate");
        migrate.Stdout.ShouldNotContain("Applied 1 migration", Case.Sensitive, "nothing was wiped");
    }
}
