namespace Strata.Cli.Tests.Schema;

/// <summary>generate and new write the next migration the way the folder already does (issue 12 item 15).</summary>
public sealed class GenerateConventionTests
{
    [Fact]
    public async Task Generate_in_a_folder_of_up_and_down_pairs_writes_a_pair_that_migrates_and_rolls_back()
    {
        using var workspace = new Workspace();
        workspace.Write("001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n").Write("001_users.down.sql", "DROP TABLE users;\n");
        SchemaWorkflow.WriteRoot(workspace, "schema.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\nCREATE TABLE orders (id INTEGER PRIMARY KEY);\n");
        var cli = workspace.Cli();

        var generate = await cli.RunAsync("generate", "add_orders");

        generate.ExitCode.ShouldBe(0, generate.ToString());
        generate.Stdout.ShouldContain("created migrations/002_add_orders.up.sql, migrations/002_add_orders.down.sql");
        File.ReadAllText(Path.Combine(workspace.Migrations, "002_add_orders.up.sql")).ShouldContain("CREATE TABLE");
        File.ReadAllText(Path.Combine(workspace.Migrations, "002_add_orders.up.sql")).ShouldNotContain("-- strata:down");
        File.ReadAllText(Path.Combine(workspace.Migrations, "002_add_orders.down.sql")).ShouldContain("DROP TABLE");
        File.Exists(Path.Combine(workspace.Migrations, "002_add_orders.sql")).ShouldBeFalse();
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("rollback")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("diff", "--exit-code")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Generate_and_new_follow_the_numbered_sql_teams_down_file_naming_and_single_overrides_it()
    {
        using var workspace = new Workspace();
        workspace.Write("315_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n").Write("315_users_down.sql", "DROP TABLE users;\n");
        SchemaWorkflow.WriteRoot(workspace, "schema.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\nCREATE TABLE orders (id INTEGER PRIMARY KEY);\n");
        var cli = workspace.Cli();

        var generate = await cli.RunAsync("generate", "add_orders");
        var made = await cli.RunAsync("new", "backfill");
        var single = await cli.RunAsync("new", "one_file", "--single");

        generate.ExitCode.ShouldBe(0, generate.ToString());
        File.Exists(Path.Combine(workspace.Migrations, "316_add_orders.sql")).ShouldBeTrue();
        File.ReadAllText(Path.Combine(workspace.Migrations, "316_add_orders_down.sql")).ShouldContain("DROP TABLE");
        made.Stdout.ShouldContain("created migrations/317_backfill.sql");
        made.Stdout.ShouldContain("created migrations/317_backfill_down.sql");
        single.Stdout.ShouldContain("created migrations/318_one_file.sql");
        File.Exists(Path.Combine(workspace.Migrations, "318_one_file_down.sql")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(workspace.Migrations, "318_one_file.sql")).ShouldContain("-- strata:down");
    }

    [Fact]
    public async Task Generate_in_a_folder_of_single_files_with_down_sections_keeps_writing_single_files_and_pair_asks_for_a_pair()
    {
        using var workspace = new Workspace();
        workspace.Write("001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\n-- strata:down\nDROP TABLE users;\n");
        SchemaWorkflow.WriteRoot(workspace, "schema.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);\nCREATE TABLE orders (id INTEGER PRIMARY KEY);\n");
        var cli = workspace.Cli();

        var single = await cli.RunAsync("generate", "add_orders", "--json");
        File.Delete(Path.Combine(workspace.Migrations, "002_add_orders.sql"));
        var pair = await cli.RunAsync("generate", "add_orders", "--pair");
        var both = await cli.RunAsync("new", "x", "--pair", "--single");

        single.ExitCode.ShouldBe(0, single.ToString());
        using (var json = System.Text.Json.JsonDocument.Parse(single.Stdout))
        {
            json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ShouldBe(["migrations/002_add_orders.sql"]);
        }

        pair.Stdout.ShouldContain("created migrations/002_add_orders.up.sql, migrations/002_add_orders.down.sql");
        both.ExitCode.ShouldBe(2, both.ToString());
        both.Stderr.ShouldContain("--pair and --single ask for opposite things");
    }

    [Fact]
    public async Task A_data_statement_in_the_declared_schema_is_a_warning_naming_its_file_and_line()
    {
        using var workspace = new Workspace();
        Directory.CreateDirectory(Path.Combine(workspace.Root, "db"));
        File.WriteAllText(Path.Combine(workspace.Root, "db", "001_users.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n");
        File.WriteAllText(Path.Combine(workspace.Root, "db", "002_seed.sql"), "-- demo rows\nINSERT INTO users VALUES (1, 'a');\nINSERT INTO users VALUES (2, 'b');\n");
        SchemaWorkflow.WriteRoot(workspace, "strata.json", """{ "database": "sqlite:app.db", "schema": "db" }""");

        var generate = await new Cli(workspace.Root).RunAsync("generate", "init");

        generate.ExitCode.ShouldBe(0, generate.ToString());
        generate.Stderr.ShouldContain("warning: db/002_seed.sql:2 INSERT (and 1 more data statement): a data statement in the declared schema");
        generate.Stderr.ShouldNotContain("001_users.sql");
    }
}
