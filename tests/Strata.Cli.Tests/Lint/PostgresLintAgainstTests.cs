using System.Text.Json;
using Strata.Cli.Tests.Postgres;
using Strata.TestSupport;
using static Strata.Cli.Tests.Lint.MeasureCases;

namespace Strata.Cli.Tests.Lint;

/// <summary>
/// <c>strata lint --against</c>: what is pending on the target is measured on a scratch database of the configured
/// server, and findings about rewrites and scans under lock are weighed by the target's table sizes.
/// </summary>
public sealed class PostgresLintAgainstTests : PostgresCliTest
{
    private const string LowThresholds = """{ "migrations": "migrations", "lint": { "small": { "rows": 100 }, "large": { "rows": 1000 } } }""";

    [Fact]
    public async Task A_rewrite_of_a_large_table_is_an_error_and_of_a_small_one_a_note_and_the_target_is_only_read()
    {
        await using var target = await Server.CreateDatabaseAsync();
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), LowThresholds);
        Workspace.Write("001_orders.sql", Orders);
        var targetUrl = PostgresUrl.From(target.ConnectionString);
        (await new Cli(Workspace.Root).With("DATABASE_URL", targetUrl).RunAsync("migrate")).ExitCode.ShouldBe(0);
        await target.ExecuteAsync("INSERT INTO orders SELECT g, g FROM generate_series(1, 5000) g; INSERT INTO tags SELECT g, 't' FROM generate_series(1, 10) g; ANALYZE");
        Workspace.Write("002_total.sql", TotalBigint)
            .Write("003_tags_type.sql", "ALTER TABLE tags ALTER COLUMN id TYPE bigint;\n-- strata:down\nALTER TABLE tags ALTER COLUMN id TYPE int;\n")
            .Write("004_audit.sql", "CREATE TABLE audit (id int);\n-- strata:down\nDROP TABLE audit;\n")
            .Write("005_audit_type.sql", "ALTER TABLE audit ALTER COLUMN id TYPE bigint;\n-- strata:down\nALTER TABLE audit ALTER COLUMN id TYPE int;\n");

        var result = await Cli().RunAsync("lint", "--against", targetUrl, "--json");

        result.ExitCode.ShouldBe(3, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("measured").EnumerateArray().Select(m => m.GetProperty("migration").GetString()).ShouldBe(["002_total", "003_tags_type", "004_audit", "005_audit_type"]);
        var large = Findings(json.RootElement, "measured-rewrite", "002_total.sql").ShouldHaveSingleItem();
        large.GetProperty("severity").GetString().ShouldBe("error");
        large.GetProperty("table").GetProperty("name").GetString().ShouldBe("public.orders");
        large.GetProperty("table").GetProperty("rows").GetInt64().ShouldBe(5000);
        Findings(json.RootElement, "alter-column-type", "002_total.sql").ShouldHaveSingleItem().GetProperty("severity").GetString().ShouldBe("error");
        Findings(json.RootElement, "measured-rewrite", "003_tags_type.sql").ShouldHaveSingleItem().GetProperty("severity").GetString().ShouldBe("note");
        var created = Findings(json.RootElement, "measured-rewrite", "005_audit_type.sql").ShouldHaveSingleItem();
        created.GetProperty("table").GetProperty("new").GetBoolean().ShouldBeTrue();
        created.GetProperty("severity").GetString().ShouldBe("note");
        (await target.ScalarAsync<long>("SELECT count(*) FROM strata_migrations")).ShouldBe(1);
        (await target.ScalarAsync<string>("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'total'")).ShouldBe("integer");
        (await HistoryRowsAsync()).ShouldBe(-1, "the configured database only lends its server to the scratch database");
    }

    [Fact]
    public async Task An_environment_name_picks_the_target_and_text_shows_sizes_without_its_password()
    {
        await using var target = await Server.CreateDatabaseAsync();
        Workspace.Write("001_orders.sql", Orders);
        (await new Cli(Workspace.Root).With("DATABASE_URL", PostgresUrl.From(target.ConnectionString)).RunAsync("migrate")).ExitCode.ShouldBe(0);
        await target.ExecuteAsync("INSERT INTO orders SELECT g, g FROM generate_series(1, 20) g; ANALYZE");
        var role = await target.CreateRoleAsync();
        await target.ExecuteAsync($"GRANT USAGE ON SCHEMA public TO \"{role.Name}\"; GRANT SELECT ON ALL TABLES IN SCHEMA public TO \"{role.Name}\"");
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), $$"""{ "environments": { "production": { "database": "{{PostgresUrl.From(role.ConnectionString)}}" } } }""");
        Workspace.Write("002_total.sql", TotalBigint);

        var result = await Cli().RunAsync("lint", "--against", "production");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("migrations/002_total.sql:1:1  note  measured-rewrite  rewrote table public.orders");
        result.Stdout.ShouldContain("(public.orders: ~20 rows, ");
        result.Stdout.ShouldContain("weighed by the table sizes of postgres://" + role.Name + "@");
        (result.Stdout + result.Stderr).ShouldNotContain(role.Password);
        var unknown = await Cli().RunAsync("lint", "--against", "staging");
        unknown.ExitCode.ShouldBe(2, unknown.ToString());
        unknown.Stderr.ShouldContain("--against 'staging' is neither a database URL nor an environment declared in strata.json");
        unknown.Stderr.ShouldContain("declared environments: production");
    }
}
