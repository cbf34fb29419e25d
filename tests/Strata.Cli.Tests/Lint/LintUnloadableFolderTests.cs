namespace Strata.Cli.Tests.Lint;

/// <summary><c>strata lint</c> on a folder with files that do not load: every readable file is linted all the same.</summary>
public sealed class LintUnloadableFolderTests
{
    [Fact]
    public async Task A_file_with_psql_commands_is_reported_beside_the_findings_of_every_file()
    {
        using var workspace = new Workspace()
            .Write("001_init.sql", "CREATE TABLE users (id int, email text);\n-- strata:down\nDROP TABLE users;\n")
            .Write("002_psql.sql", "\\set ON_ERROR_STOP on\nALTER TABLE users DROP COLUMN email;\n-- strata:down\nSELECT 1;\n")
            .Write("003_index.sql", "CREATE INDEX users_id ON users (id);\n-- strata:down\nDROP INDEX users_id;\n");
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), """{ "migrations": "migrations" }""");

        var result = await new Cli(workspace.Root).RunAsync("lint");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.ShouldContain("migrations/002_psql.sql:1:1  error  file-name  ");
        result.Stdout.ShouldContain("migrations/002_psql.sql:2:1  error  drop-column  drops column users.email");
        result.Stdout.ShouldContain("migrations/003_index.sql:1:1  warning  create-index-non-concurrently");
        var named = await new Cli(workspace.Root).RunAsync("lint", "migrations/003_index.sql");
        named.Stdout.ShouldNotContain("002_psql");
        named.Stdout.ShouldContain("create-index-non-concurrently");
    }
}
