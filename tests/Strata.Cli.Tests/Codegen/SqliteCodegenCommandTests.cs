using System.Text.Json;

namespace Strata.Cli.Tests.Codegen;

/// <summary><c>strata codegen</c> on SQLite: writing, the CI check (stale: exit 3, fresh: exit 0), and its configuration errors.</summary>
public sealed class SqliteCodegenCommandTests : IDisposable
{
    private const string Config = """
        {
          "database": "sqlite:app.db",
          "codegen": {
            "csharp": { "output": "Data", "namespace": "Shop.Data" },
            "typescript": { "output": "web/db.ts" }
          }
        }
        """;

    private readonly Workspace _workspace = new Workspace()
        .Write("001_create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price DECIMAL(10,2));");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Codegen_writes_the_files_and_check_then_passes_until_a_new_migration_makes_them_stale()
    {
        File.WriteAllText(Path.Combine(_workspace.Root, "strata.json"), Config);
        var cli = new Cli(_workspace.Root);

        var first = await cli.RunAsync("codegen");
        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stdout.ShouldContain("Data/Main.g.cs (created)");
        first.Stdout.ShouldContain("web/db.ts (created)");
        File.ReadAllText(Path.Combine(_workspace.Root, "Data", "Main.g.cs")).ShouldContain("public sealed partial record ItemsRow");

        var fresh = await cli.RunAsync("codegen", "--check");
        fresh.ExitCode.ShouldBe(0, fresh.ToString());
        fresh.Stderr.ShouldContain("generated code is current");

        _workspace.Write("002_add_stock.sql", "ALTER TABLE items ADD COLUMN stock INTEGER NOT NULL DEFAULT 0;");
        var stale = await cli.RunAsync("codegen", "--check");
        stale.ExitCode.ShouldBe(3, stale.ToString());
        stale.Stdout.ShouldContain("Data/Main.g.cs (stale)");
        stale.Stdout.ShouldContain("web/db.ts (stale)");
        stale.Stderr.ShouldContain("Run `strata codegen`");
        File.ReadAllText(Path.Combine(_workspace.Root, "web", "db.ts")).ShouldNotContain("stock", Case.Sensitive, "--check writes nothing");

        var again = await cli.RunAsync("codegen");
        again.ExitCode.ShouldBe(0, again.ToString());
        File.ReadAllText(Path.Combine(_workspace.Root, "web", "db.ts")).ShouldContain("stock: Generated<number>;");
        (await cli.RunAsync("codegen", "--check")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_hand_edited_or_leftover_generated_file_fails_the_check()
    {
        File.WriteAllText(Path.Combine(_workspace.Root, "strata.json"), Config.Replace("\"namespace\": \"Shop.Data\"", "\"namespace\": \"Shop.Data\", \"files\": \"table\"", StringComparison.Ordinal));
        var cli = new Cli(_workspace.Root);
        (await cli.RunAsync("codegen")).ExitCode.ShouldBe(0);
        var file = Path.Combine(_workspace.Root, "Data", "Main", "Items.g.cs");
        File.AppendAllText(file, "// edited\n");
        File.Copy(file, Path.Combine(_workspace.Root, "Data", "Main", "Gone.g.cs"));

        var check = await cli.RunAsync("codegen", "--check", "--json");

        check.ExitCode.ShouldBe(3, check.ToString());
        using var json = JsonDocument.Parse(check.Stdout);
        json.RootElement.GetProperty("current").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString() + " " + f.GetProperty("change").GetString())
            .ShouldBe(["Data/Main/Gone.g.cs deleted", "Data/Main/Items.g.cs changed"]);
        var write = await cli.RunAsync("codegen");
        write.Stdout.ShouldContain("Data/Main/Gone.g.cs (deleted)");
        write.Stderr.ShouldContain("wrote 1 of ");
        write.Stderr.ShouldContain(" file(s) and deleted 1 no longer generated, schema ");
        File.Exists(Path.Combine(_workspace.Root, "Data", "Main", "Gone.g.cs")).ShouldBeFalse();
    }

    [Fact]
    public async Task From_database_generates_from_the_database_as_it_is()
    {
        File.WriteAllText(Path.Combine(_workspace.Root, "strata.json"), Config);
        var cli = new Cli(_workspace.Root);
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);
        _workspace.Write("002_add_stock.sql", "ALTER TABLE items ADD COLUMN stock INTEGER;");

        var result = await cli.RunAsync("codegen", "--from", "database");

        result.ExitCode.ShouldBe(0, result.ToString());
        var typescript = File.ReadAllText(Path.Combine(_workspace.Root, "web", "db.ts"));
        typescript.ShouldContain("name: string;");
        typescript.ShouldNotContain("stock", Case.Sensitive, "002 is not applied to the database");
        typescript.ShouldNotContain("strata_migrations");
    }

    [Fact]
    public async Task Without_a_codegen_section_codegen_is_bad_input_with_an_example()
    {
        File.WriteAllText(Path.Combine(_workspace.Root, "strata.json"), "{ \"database\": \"sqlite:app.db\" }");

        var result = await new Cli(_workspace.Root).RunAsync("codegen");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("strata.json has no \"codegen\" section");
        result.Stderr.ShouldContain("\"csharp\": { \"output\"");
    }

    [Fact]
    public async Task Help_shows_a_starting_codegen_section_the_CI_check_the_docs_and_the_exit_codes()
    {
        var result = await new Cli(_workspace.Root).RunAsync("codegen", "--help");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("\"codegen\": { \"csharp\": { \"output\": \"Data/Generated\"");
        result.Stdout.ShouldContain("`strata codegen --check` in CI");
        result.Stdout.ShouldContain("docs/codegen.md");
        result.Stdout.ShouldContain("exit 3 when stale");
    }

    [Fact]
    public async Task An_include_pattern_that_matches_nothing_is_bad_input_and_deletes_nothing()
    {
        File.WriteAllText(Path.Combine(_workspace.Root, "strata.json"), Config);
        var cli = new Cli(_workspace.Root);
        (await cli.RunAsync("codegen")).ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(_workspace.Root, "strata.json"), Config.Replace("\"codegen\": {", "\"codegen\": { \"include\": [\"item\"],", StringComparison.Ordinal));

        var result = await cli.RunAsync("codegen");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("\"include\" pattern \"item\" matches no table, view or type of the schema");
        File.Exists(Path.Combine(_workspace.Root, "Data", "Main.g.cs")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_misspelt_codegen_key_is_named_with_a_suggestion()
    {
        File.WriteAllText(Path.Combine(_workspace.Root, "strata.json"), Config.Replace("\"namespace\"", "\"namespce\"", StringComparison.Ordinal));

        var result = await new Cli(_workspace.Root).RunAsync("codegen");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("unknown key \"codegen.csharp.namespce\"");
        result.Stderr.ShouldContain("did you mean \"namespace\"?");
    }
}
