namespace Strata.Cli.Tests.Postgres;

/// <summary><c>strata test-db</c> errors a user can cause, in their words.</summary>
public sealed class PostgresTestDbTests : PostgresCliTest
{
    [Fact]
    public async Task Test_db_create_with_a_taken_name_says_the_name_is_taken_not_createdb()
    {
        Workspace.Write("001_t.sql", "CREATE TABLE t (id int);\n");

        var result = await Cli().RunAsync("test-db", "create", "--name", Database.Name);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"the name '{Database.Name}' is taken: the server already has a database called that; nothing was created");
        result.Stderr.ShouldContain("choose another --name");
        result.Stderr.ShouldNotContain("CREATEDB");
    }
}
