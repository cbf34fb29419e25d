namespace Strata.Cli.Tests.Lint;

/// <summary><c>strata lint</c> on a folder with files that do not load: every readable file is linted all the same.</summary>
public sealed class LintUnloadableFolderTests
{
    [Fact]
    public async Task A_transaction_wrapped_file_is_reported_beside_the_findings_of_every_file()
    {
        using var workspace = new Workspace()
            .Write("001_init.sql", "CREATE TABLE users (id int, email text);\n-- strata:down\nDROP TABLE users;\n")
            .Write("002_wrapped.sql", "BEGIN;\nALTER TABLE users DROP COLUMN email;\nCOMMIT;\n-- strata:down\nSELECT 1;\n")
            .Write("003_index.sql", "CREATE INDEX users_id ON users (id);\n-- strata:down\nDROP INDEX users_id;\n");
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), """{ "migrations": "migrations" }""");

        var result = await new Cli(workspace.Root).RunAsync("lint");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stdout.ShouldContain("migrations/002_wrapped.sql:1:1  error  file-name  BEGIN controls the transaction");
        result.Stdout.ShouldContain("migrations/002_wrapped.sql:2:1  error  drop-column  drops column users.email");
        result.Stdout.ShouldContain("migrations/003_index.sql:1:1  warning  create-index-non-concurrently");
        var named = await new Cli(workspace.Root).RunAsync("lint", "migrations/003_index.sql");
        named.Stdout.ShouldNotContain("002_wrapped");
        named.Stdout.ShouldContain("create-index-non-concurrently");
    }
}
