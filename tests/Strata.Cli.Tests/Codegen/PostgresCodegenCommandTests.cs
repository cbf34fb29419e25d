using Strata.Cli.Tests.Postgres;

namespace Strata.Cli.Tests.Codegen;

/// <summary>
/// <c>strata codegen</c> on PostgreSQL, as the numbered-SQL team runs it: the migrations replayed on a scratch database
/// (the configured database is never migrated), enums and comments carried over, and the CI check stale and fresh.
/// </summary>
public sealed class PostgresCodegenCommandTests : PostgresCliTest
{
    private const string Config = """
        {
          "codegen": {
            "typescript": { "output": "src/lib/db/types.ts" },
            "csharp": { "output": "Api/Data", "namespace": "Api.Data", "dapper": true }
          }
        }
        """;

    [Fact]
    public async Task Codegen_replays_the_migrations_without_migrating_the_database_and_check_fails_after_a_new_migration()
    {
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), Config);
        Workspace.Write("001_posts.sql", """
            CREATE TYPE post_status AS ENUM ('draft', 'published');
            CREATE TABLE posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL, status post_status NOT NULL DEFAULT 'draft');
            COMMENT ON COLUMN posts.title IS 'Shown in lists.';
            """);

        var first = await Cli().RunAsync("codegen");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stdout.ShouldContain("Api/Data/Public.g.cs (created)");
        var csharp = File.ReadAllText(Path.Combine(Workspace.Root, "Api", "Data", "Public.g.cs"));
        csharp.ShouldContain("[PgName(\"published\")]");
        csharp.ShouldContain("public required PostStatus Status { get; init; }");
        var typescript = File.ReadAllText(Path.Combine(Workspace.Root, "src", "lib", "db", "types.ts"));
        typescript.ShouldContain("export type PostStatus = \"draft\" | \"published\";");
        typescript.ShouldContain("/** Shown in lists. */");
        (await HistoryRowsAsync()).ShouldBe(-1, "codegen applies the migrations to a scratch database, never to the configured one");
        (await Cli().RunAsync("codegen", "--check")).ExitCode.ShouldBe(0);

        Workspace.Write("002_graph_edges.sql", "CREATE TABLE graph_edges (from_post bigint NOT NULL REFERENCES posts (id), weight numeric(6,3) NOT NULL DEFAULT 1);");
        var stale = await Cli().RunAsync("codegen", "--check");

        stale.ExitCode.ShouldBe(3, stale.ToString());
        stale.Stdout.ShouldContain("src/lib/db/types.ts (stale)");
        stale.Stderr.ShouldContain("generated code is out of date");
        File.ReadAllText(Path.Combine(Workspace.Root, "src", "lib", "db", "types.ts")).ShouldNotContain("graph_edges");
        (await Cli().RunAsync("codegen")).ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(Workspace.Root, "src", "lib", "db", "types.ts")).ShouldContain("weight: Generated<Numeric>;");
        (await Cli().RunAsync("codegen", "--check")).ExitCode.ShouldBe(0);
        await ShouldLeaveNoScratchDatabaseAsync();
    }

    [Fact]
    public async Task A_migration_that_fails_on_the_scratch_database_exits_4_naming_the_file()
    {
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), Config);
        Workspace.Write("001_broken.sql", "CREATE TABLE broken (id int REFERENCES nowhere (id));");

        var result = await Cli().RunAsync("codegen", "--check");

        result.ExitCode.ShouldBe(4, result.ToString());
        result.Stderr.ShouldContain("001_broken.sql:1:1");
        result.Stderr.ShouldContain("relation \"nowhere\" does not exist");
    }
}
