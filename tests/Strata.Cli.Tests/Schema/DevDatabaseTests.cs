using Npgsql;
using Strata.Cli.Tests.Postgres;
using Strata.TestSupport;

namespace Strata.Cli.Tests.Schema;

/// <summary>
/// A configured dev database replaces the temporary scratch databases: for roles that may not create databases, used
/// only when empty, emptied again afterwards, never shown with its password.
/// </summary>
public sealed class DevDatabaseTests : PostgresCliTest
{
    private const string Schema = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n";

    [Fact]
    public async Task A_role_without_CREATEDB_generates_through_the_dev_database_which_is_left_empty()
    {
        var role = await Database.CreateRoleAsync();
        await using var dev = await Server.CreateDatabaseAsync();
        await Server.ExecuteAsync($"ALTER DATABASE \"{dev.Name}\" OWNER TO \"{role.Name}\"");
        try
        {
            await GenerateThroughTheDevDatabaseAsync(role, dev);
        }
        finally
        {
            // dev is dropped in the background after this test, Database's roles at once: hand dev and what the role
            // made in it (the recreated public schema) back first, or the role would still own them when it is dropped.
            await dev.ExecuteAsync($"REASSIGN OWNED BY \"{role.Name}\" TO CURRENT_USER");
        }
    }

    private async Task GenerateThroughTheDevDatabaseAsync(TestRole role, TestDatabase dev)
    {
        File.WriteAllText(Path.Combine(Workspace.Root, "schema.sql"), Schema);
        var cli = new Cli(Workspace.Root).With("DATABASE_URL", PostgresUrl.From(role.ConnectionString));

        var refused = await cli.RunAsync("generate", "create_users");
        refused.ExitCode.ShouldBe(5, refused.ToString());
        refused.Stderr.ShouldContain("CREATEDB");
        refused.Stderr.ShouldContain("devDatabase");

        var devUrl = PostgresUrl.From(new NpgsqlConnectionStringBuilder(role.ConnectionString) { Database = dev.Name }.ConnectionString);
        var generated = await cli.With("STRATA_DEV_DATABASE_URL", devUrl).RunAsync("generate", "create_users");

        generated.ExitCode.ShouldBe(0, generated.ToString());
        var file = Directory.GetFiles(Path.Combine(Workspace.Root, "migrations"), "*_create_users.sql").ShouldHaveSingleItem();
        File.ReadAllText(file).ShouldContain("CREATE TABLE");
        generated.All.ShouldNotContain(role.Password);
        (await dev.ListTablesAsync()).ShouldBeEmpty();
        (await dev.ScalarAsync<long>("SELECT count(*) FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'")).ShouldBe(1L);
    }

    [Fact]
    public async Task A_dev_database_that_holds_something_is_refused_and_left_alone()
    {
        await using var dev = await Server.CreateDatabaseAsync();
        await dev.ExecuteAsync("CREATE TABLE keep_me (id int); INSERT INTO keep_me VALUES (1);");
        File.WriteAllText(Path.Combine(Workspace.Root, "schema.sql"), Schema);

        var diff = await Cli().RunAsync("diff", "--dev-database", PostgresUrl.From(dev.ConnectionString));

        diff.ExitCode.ShouldBe(2, diff.ToString());
        diff.Stderr.ShouldContain("is not empty: it holds table public.keep_me");
        (await dev.ScalarAsync<long>("SELECT count(*) FROM keep_me")).ShouldBe(1L);
    }

    [Fact]
    public async Task A_dev_database_in_use_by_another_command_is_waited_for_then_the_holder_is_named()
    {
        await using var dev = await Server.CreateDatabaseAsync();
        await using var holder = await dev.OpenConnectionAsync();
        // Another strata command holds the dev database: its advisory lock key is "strata-d" in ASCII.
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(8319400174550068580)", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        File.WriteAllText(Path.Combine(Workspace.Root, "schema.sql"), Schema);

        var diff = await Cli().RunAsync("diff", "--dev-database", PostgresUrl.From(dev.ConnectionString), "--lock-timeout", "1");

        diff.ExitCode.ShouldBe(5, diff.ToString());
        diff.Stderr.ShouldContain("timed out after 1 s waiting for the dev database");
        diff.Stderr.ShouldContain("in use by pid ");
    }

    [Fact]
    public async Task Verify_uses_the_dev_database_from_strata_json()
    {
        await using var dev = await Server.CreateDatabaseAsync();
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), $$"""{ "devDatabase": "{{PostgresUrl.From(dev.ConnectionString)}}" }""");
        Workspace.Write("1_users.sql", "CREATE TABLE users (id int);\n-- strata:down\nDROP TABLE users;\n");

        var verify = await Cli().RunAsync("verify");

        verify.ExitCode.ShouldBe(0, verify.ToString());
        (await dev.ListTablesAsync()).ShouldBeEmpty();
        (await Database.ListTablesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dev_database_for_a_sqlite_project_is_a_configuration_error()
    {
        var cli = new Cli(Workspace.Root).With("DATABASE_URL", "sqlite:app.db");
        File.WriteAllText(Path.Combine(Workspace.Root, "schema.sql"), Schema);

        var diff = await cli.RunAsync("diff", "--dev-database", DatabaseUrl);

        diff.ExitCode.ShouldBe(2, diff.ToString());
        diff.Stderr.ShouldContain("SQLite");
    }
}
