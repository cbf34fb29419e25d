using System.Text.Json;

namespace Strata.Cli.Tests.Schema;

/// <summary>--json of the schema commands, and a broken schema.sql: bad input (exit 2) with file, line and caret.</summary>
public sealed class SchemaJsonAndErrorTests
{
    [Fact]
    public async Task Every_schema_command_prints_one_json_object_with_its_changes_or_script()
    {
        using var workspace = new Workspace();
        var cli = workspace.Cli();
        SchemaWorkflow.WriteRoot(workspace, "schema.sql", "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);");

        using (var diff = await JsonAsync(cli, "diff", "--json"))
        {
            diff.RootElement.GetProperty("command").GetString().ShouldBe("diff");
            diff.RootElement.GetProperty("differences").GetBoolean().ShouldBeTrue();
            diff.RootElement.GetProperty("changes")[0].GetProperty("summary").GetString().ShouldBe("create table users");
            diff.RootElement.GetProperty("reverse").GetString()!.ShouldContain("DROP TABLE users");
        }

        using (var generate = await JsonAsync(cli, "generate", "create_users", "--json"))
        {
            generate.RootElement.GetProperty("file").GetString()!.ShouldEndWith("_create_users.sql");
        }

        using (var push = await JsonAsync(cli, "push", "--json"))
        {
            push.RootElement.GetProperty("applied").GetBoolean().ShouldBeTrue();
        }

        using (var again = await JsonAsync(cli, "diff", "--json", "--exit-code"))
        {
            again.RootElement.GetProperty("differences").GetBoolean().ShouldBeFalse();
            again.RootElement.GetProperty("changes").GetArrayLength().ShouldBe(0);
        }

        using (var pull = await JsonAsync(cli, "pull", "-o", "-", "--json"))
        {
            pull.RootElement.GetProperty("tables").GetInt32().ShouldBe(1);
            pull.RootElement.GetProperty("script").GetString()!.ShouldContain("CREATE TABLE users");
        }

        using (var dump = await JsonAsync(cli, "dump", "--json"))
        {
            dump.RootElement.GetProperty("script").GetString()!.ShouldContain("CREATE TABLE users");
        }
    }

    [Fact]
    public async Task A_broken_schema_file_is_bad_input_with_its_line_and_nothing_changes()
    {
        using var workspace = new Workspace();
        var cli = workspace.Cli();
        SchemaWorkflow.WriteRoot(workspace, "schema.sql", "CREATE TABLE users (id integer PRIMARY KEY);\n\nCREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users,, title text);\n");

        var diff = await cli.RunAsync("diff");

        diff.ExitCode.ShouldBe(2, diff.ToString());
        diff.Stderr.ShouldContain("the schema file schema.sql is not valid for this database");
        diff.Stderr.ShouldContain("schema.sql:3:");
        diff.Stderr.ShouldContain("nothing was changed");
        diff.Stderr.ShouldNotContain("migration");
        File.Exists(Path.Combine(workspace.Root, "app.db")).ShouldBeFalse();

        var json = await cli.RunAsync("push", "--json");
        json.ExitCode.ShouldBe(2);
        using var error = JsonDocument.Parse(json.Stdout);
        error.RootElement.GetProperty("error").GetProperty("category").GetString().ShouldBe("bad-input");
        error.RootElement.GetProperty("error").GetProperty("location").GetProperty("line").GetInt32().ShouldBe(3);
    }

    private static async Task<JsonDocument> JsonAsync(Cli cli, params string[] args)
    {
        var result = await cli.RunAsync(args);
        result.ExitCode.ShouldBe(0, result.ToString());
        return JsonDocument.Parse(result.Stdout);
    }
}
