namespace Strata.Cli.Tests.Verify;

/// <summary><c>strata verify</c> on SQLite: a correct set passes, a wrong down script is pinpointed, the database is never touched.</summary>
public sealed class SqliteVerifyTests
{
    [Fact]
    public async Task A_correct_set_passes_and_the_configured_database_is_not_created()
    {
        using var workspace = VerifyCases.Correct(new Workspace());

        var result = await workspace.Cli().RunAsync("verify");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("001_users  up, down, up: schema restored");
        result.Stdout.ShouldContain("003_audit  no down script: up only");
        result.Stdout.ShouldContain("2 of 3 migrations verified (up, down, up), 1 without a down script applied up only; repeatables applied.");
        File.Exists(Path.Combine(workspace.Root, "app.db")).ShouldBeFalse("verify works on a scratch database only");
    }

    [Fact]
    public async Task A_down_that_forgets_a_table_is_pinpointed_with_the_difference()
    {
        using var workspace = new Workspace().Write("001_users.sql", VerifyCases.Users).Write("002_age.sql", VerifyCases.WrongDown).Write("003_later.sql", VerifyCases.ForwardOnly);

        var result = await workspace.Cli().RunAsync("verify");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.ShouldContain("001_users  up, down, up: schema restored");
        result.Stderr.ShouldContain("002_age.sql (002_age): its down script does not restore the schema it started from");
        result.Stderr.ShouldContain("notes");
        result.Stdout.ShouldNotContain("003_later", Case.Sensitive, "verify stops at the first broken migration");
    }

    [Fact]
    public async Task Migrations_that_do_not_produce_schema_sql_fail_the_final_check()
    {
        using var workspace = new Workspace().Write("001_users.sql", VerifyCases.Users);
        File.WriteAllText(Path.Combine(workspace.Root, "schema.sql"), "CREATE TABLE users (id integer PRIMARY KEY, email text, name text);\n");

        var result = await workspace.Cli().RunAsync("verify");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain("the migrations do not produce");
        result.Stderr.ShouldContain("name");
    }
}
