using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Strata.TestSupport;

namespace Strata.Packaging.Tests.Packages;

/// <summary>
/// Every command of the installed tool (the native AOT executable on linux-x64) prints its help and does its work:
/// the trimmed, reflection-free build must not lose a code path the JIT build has (command-line parsing, JSON,
/// Npgsql, SQLite, Spectre.Console). SQLite for the file and schema commands, PostgreSQL for what needs a server.
/// </summary>
[Collection(SharedPack.Name)]
public sealed partial class NativeToolCommandTests(PackedSources packed)
{
    private static readonly HashSet<string> Ran = new(StringComparer.Ordinal);

    [Fact]
    public void Every_command_and_test_db_subcommand_prints_its_help()
    {
        var run = Run(new Dictionary<string, string>());
        var commands = HelpCommands(run.Ok("--help"));
        commands.Count.ShouldBeGreaterThan(15);

        foreach (var names in commands.Append(["test-db create"]).Append(["test-db drop"]).Append(["test-db clean"]))
        {
            var args = names[0].Split(' ').Append("--help").ToArray();
            var help = ChildProcess.Run(run.Strata, args, run.Workspace, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
            help.ExitCode.ShouldBe(0, help.Describe());
            help.Output.ShouldContain("Usage:");
            names.ShouldContain(name => help.Output.Contains("strata " + name, StringComparison.Ordinal), help.Describe());
        }
    }

    [Fact]
    public async Task Every_command_runs_in_the_native_build()
    {
        var sqlite = Run(new Dictionary<string, string>());
        RunOnSqlite(sqlite);
        await StudioOnSqliteAsync(Run(new Dictionary<string, string> { ["DATABASE_URL"] = "sqlite:app.db" }).Write("migrations/001_users.sql", "CREATE TABLE users (id integer PRIMARY KEY);\n"));
        var postgres = await RunOnPostgresAsync();

        var missing = HelpCommands(sqlite.Ok("--help"))
            .Where(names => !names.Any(name => Ran.Contains(name) || Ran.Any(r => r.StartsWith(name + " ", StringComparison.Ordinal))))
            .Select(names => string.Join(", ", names))
            .ToList();
        missing.ShouldBeEmpty("commands of the help that no run exercised; add a run of each to this test");
        Ran.ShouldContain("test-db create");
        Ran.ShouldContain("test-db drop");
        Ran.ShouldContain("test-db clean");
        postgres.ShouldContain("Rolled back");
    }

    private static void RunOnSqlite(NativeToolRun cli)
    {
        cli.Ok("init").ShouldContain("strata.json");
        cli.Write("migrations/001_users.sql", "CREATE TABLE users (id integer PRIMARY KEY, email text);\n-- strata:down\nDROP TABLE users;\n");
        cli.Ok("new", "add_posts").ShouldContain("002_add_posts.sql");
        cli.Write("migrations/002_add_posts.sql", "CREATE TABLE posts (id integer PRIMARY KEY, title text);\n-- strata:down\nDROP TABLE posts;\n");
        cli.Ok("lint");
        cli.Ok("verify").ShouldContain("verified");
        cli.Ok("migrate").ShouldContain("Applied 2 migrations");
        cli.Ok("validate");
        using (var status = JsonDocument.Parse(cli.Ok("status", "--json")))
        {
            status.RootElement.GetProperty("migrations").GetArrayLength().ShouldBe(2);
        }

        cli.Ok("redo").ShouldContain("002_add_posts");
        cli.Ok("rollback").ShouldContain("Rolled back 1 migration");
        cli.Ok("mark-applied", "2");
        cli.Ok("mark-rolled-back", "2");
        cli.Ok("migrate");
        File.AppendAllText(Path.Combine(cli.Workspace, "migrations", "001_users.sql"), "-- a comment added later\n");
        cli.Expect(3, "status");
        cli.Ok("repair");
        cli.Ok("status");
        cli.Ok("baseline", "--version", "2", "--database", "sqlite:other.db");
        cli.Ok("dump").ShouldContain("CREATE TABLE");
        cli.Ok("pull");
        cli.Ok("diff", "--exit-code");
        cli.Write("schema.sql", File.ReadAllText(Path.Combine(cli.Workspace, "schema.sql")) + "\nCREATE TABLE tags (id integer PRIMARY KEY);\n");
        cli.Ok("generate", "add_tags").ShouldContain("add_tags");
        cli.Ok("push", "--database", "sqlite:dev.db");
        cli.Ok("backup");
        var backup = Path.GetFileName(Directory.GetFiles(Path.Combine(cli.Workspace, "backups")).Single());
        cli.Ok("restore", "backups/" + backup, "--into", "copy.db");
        WithCodegenSection(cli);
        cli.Ok("codegen").ShouldContain("web/db.ts (created)");
        cli.Ok("codegen", "--check");
        cli.Ok("reset", "--yes");
    }

    /// <summary>Adds a <c>codegen</c> section (C# and TypeScript) to the workspace's strata.json.</summary>
    private static void WithCodegenSection(NativeToolRun cli)
    {
        var path = Path.Combine(cli.Workspace, "strata.json");
        var config = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        config["codegen"] = JsonNode.Parse("""{ "csharp": { "output": "Data", "namespace": "Shop.Data" }, "typescript": { "output": "web/db.ts" } }""");
        File.WriteAllText(path, config.ToJsonString());
    }

    private async Task<string> RunOnPostgresAsync()
    {
        var server = await PostgresServer.SharedAsync();
        await using var database = await server.CreateDatabaseAsync();
        var cli = Run(new Dictionary<string, string> { ["DATABASE_URL"] = PostgresUrl.From(database.ConnectionString) });
        cli.Write("migrations/001_users.sql", "CREATE TABLE users (id int PRIMARY KEY, email text);\n-- strata:down\nDROP TABLE users;\n");
        cli.Write("migrations/002_name.sql", "ALTER TABLE users ADD COLUMN name text;\n-- strata:down\nALTER TABLE users DROP COLUMN name;\n");
        cli.Ok("lint", "--measure");
        cli.Ok("migrate").ShouldContain("Applied 2 migrations");
        cli.Ok("status").ShouldContain("Up to date");
        cli.Ok("dump").ShouldContain("CREATE TABLE");
        var name = "strata_native_" + Environment.ProcessId;
        cli.Ok("test-db", "create", "--name", name);
        cli.Ok("test-db", "drop", name);
        cli.Ok("test-db", "clean");
        var rolledBack = cli.Ok("rollback");
        await AdoptOnPostgresAsync(server);
        return rolledBack;
    }

    private NativeToolRun Run(Dictionary<string, string> variables)
    {
        var workspace = Path.Combine(packed.TempRoot, "native-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(workspace);
        return new NativeToolRun(packed.InstalledTool, workspace, variables, Ran);
    }

    /// <summary>The commands the root help lists, each with its aliases (<c>latest, migrate, up</c>).</summary>
    private static List<string[]> HelpCommands(string help) =>
        help[help.IndexOf("Commands:", StringComparison.Ordinal)..]
            .Split('\n')
            .Skip(1)
            .Select(line => CommandLine().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value.Split(", ").Select(n => n.Split(' ')[0]).ToArray())
            .ToList();

    [GeneratedRegex(@"^  ([a-z][a-z-]*(?:, [a-z][a-z-]*)*(?: <[A-Za-z]+>)?)  ")]
    private static partial Regex CommandLine();
}
