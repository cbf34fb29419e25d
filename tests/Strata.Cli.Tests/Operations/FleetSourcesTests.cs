using Strata.TestSupport;

namespace Strata.Cli.Tests.Operations;

/// <summary>Fleet targets from a query on a control database, from a command, and as schemas of one database; rollback over a fleet.</summary>
public sealed class FleetSourcesTests : FleetCliTest
{
    [Fact]
    public async Task Targets_sql_reads_the_databases_from_a_query_on_the_control_database()
    {
        var tenants = await TenantsAsync(3);
        try
        {
            await Database.ExecuteAsync("CREATE TABLE tenants (url text, active boolean)");
            foreach (var (tenant, i) in tenants.Select((t, i) => (t, i)))
            {
                await Database.ExecuteAsync($"INSERT INTO tenants VALUES ('{PostgresUrl.From(tenant.ConnectionString)}', {(i < 2 ? "true" : "false")})");
            }

            var result = await Cli().RunAsync("migrate", "--targets-sql", "select url from tenants where active order by url");

            result.ExitCode.ShouldBe(0, result.ToString());
            result.Stdout.ShouldContain("2 targets: 2 migrated");
            (await HasHistoryAsync(tenants[2])).ShouldBeFalse("the inactive tenant is not listed");
            (await HasRelationAsync(Database, "orders")).ShouldBeFalse("the control database is only read");
        }
        finally
        {
            await DropAsync(tenants);
        }
    }

    [Fact]
    public async Task A_failing_targets_query_is_bad_input_naming_the_control_database_and_the_server_message()
    {
        var result = await Cli().RunAsync("migrate", "--targets-sql", "select url from no_such_table");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"the targets query failed on {Shown(Database)}: 42P01: relation \"no_such_table\" does not exist");
    }

    [Fact]
    public async Task Targets_cmd_reads_the_databases_a_command_prints_and_a_failing_command_is_bad_input()
    {
        var tenants = await TenantsAsync(2);
        try
        {
            var cli = Cli();
            var result = await cli.RunAsync("status", "--targets-cmd", "grep -v '^#' tenants.txt");

            result.ExitCode.ShouldBe(3, result.ToString());
            result.Stdout.ShouldContain("2 targets: 2 pending");

            var failed = await cli.RunAsync("migrate", "--targets-cmd", "echo 'no tenants service' >&2; exit 7");
            failed.ExitCode.ShouldBe(2, failed.ToString());
            failed.Stderr.ShouldContain("--targets-cmd exited with code 7: no tenants service");
        }
        finally
        {
            await DropAsync(tenants);
        }
    }

    [Fact]
    public async Task Schemas_are_targets_each_with_its_own_search_path_and_history_and_rollback_runs_over_them()
    {
        Workspace.Write("001_orders.sql", "CREATE TABLE orders (id serial PRIMARY KEY, total numeric);\n-- strata:down\nDROP TABLE orders;\n")
            .Write("002_index.sql", "CREATE INDEX orders_total ON orders (total);\n-- strata:down\nDROP INDEX orders_total;\n");
        var schemas = Enumerable.Range(1, 6).Select(i => $"tenant_{i}").ToList();
        File.WriteAllLines(Path.Combine(Workspace.Root, "schemas.txt"), schemas);
        var cli = Cli();

        var result = await cli.RunAsync("migrate", "--targets", "schemas.txt", "--schemas", "--parallel", "6");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("6 targets: 6 migrated");
        foreach (var schema in schemas)
        {
            (await HasRelationAsync(Database, $"{schema}.orders")).ShouldBeTrue(schema);
            (await Database.ScalarAsync<long>($"SELECT count(*) FROM {schema}.strata_migrations")).ShouldBe(2, schema);
        }

        (await HasRelationAsync(Database, "public.orders")).ShouldBeFalse();
        (await HasRelationAsync(Database, "public.strata_migrations")).ShouldBeFalse();

        var rolledBack = await cli.RunAsync("rollback", "--steps", "1", "--targets", "schemas.txt", "--schemas");

        rolledBack.ExitCode.ShouldBe(0, rolledBack.ToString());
        rolledBack.Stdout.ShouldContain("6 targets: 6 rolled back");
        foreach (var schema in schemas)
        {
            (await HasRelationAsync(Database, $"{schema}.orders_total")).ShouldBeFalse(schema);
            (await HasRelationAsync(Database, $"{schema}.orders")).ShouldBeTrue(schema);
        }
    }

    [Fact]
    public async Task Schemas_already_at_the_head_are_found_by_one_shared_read_and_only_the_others_run()
    {
        Workspace.Write("001_orders.sql", "CREATE TABLE orders (id serial PRIMARY KEY, total numeric);\n")
            .Write("002_index.sql", "CREATE INDEX orders_total ON orders (total);\n");
        File.WriteAllLines(Path.Combine(Workspace.Root, "schemas.txt"), ["tenant_a", "tenant_b", "tenant_c", "tenant_d"]);
        var cli = Cli();
        (await cli.RunAsync("migrate", "--targets", "schemas.txt", "--schemas")).ExitCode.ShouldBe(0);
        await Database.ExecuteAsync("DELETE FROM tenant_c.strata_migrations WHERE version = 2; DROP INDEX tenant_c.orders_total");

        var again = await cli.RunAsync("migrate", "--targets", "schemas.txt", "--schemas", "--json");

        again.ExitCode.ShouldBe(0, again.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(again.Stdout);
        var ledger = File.ReadAllLines(Path.Combine(Workspace.Root, json.RootElement.GetProperty("ledger").GetString()!));
        var shared = ledger.Where(l => l.Contains("\"read\":\"shared\"", StringComparison.Ordinal)).ToList();
        shared.Count.ShouldBe(3, string.Join("\n", ledger));
        shared.ShouldNotContain(l => l.Contains("tenant_c", StringComparison.Ordinal));
        ledger.ShouldContain(l => l.Contains("\"target\":\"tenant_c\"", StringComparison.Ordinal) && l.Contains("\"outcome\":\"Migrated\"", StringComparison.Ordinal));
        (await HasRelationAsync(Database, "tenant_c.orders_total")).ShouldBeTrue();
        json.RootElement.GetProperty("counts").GetProperty("up to date").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Schemas_need_a_postgresql_database()
    {
        File.WriteAllLines(Path.Combine(Workspace.Root, "schemas.txt"), ["tenant_1"]);
        var result = await new Cli(Workspace.Root).With("DATABASE_URL", "sqlite:app.db").RunAsync("migrate", "--targets", "schemas.txt", "--schemas");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--schemas needs a PostgreSQL database; sqlite:app.db is SQLite");
    }

    [Fact]
    public async Task A_parallel_beyond_the_free_connections_is_warned_about_before_the_run()
    {
        Workspace.Write("001_orders.sql", "CREATE TABLE orders (id int);\n");
        var role = await Database.CreateRoleAsync();
        await Database.ExecuteAsync($"ALTER ROLE \"{role.Name}\" CONNECTION LIMIT 3");
        var cli = new Cli(Workspace.Root).With("DATABASE_URL", PostgresUrl.From(role.ConnectionString));

        var result = await cli.RunAsync("status", "--targets-cmd", "printf 'a\\nb\\nc\\nd\\n'", "--schemas", "--parallel", "4");

        result.Stderr.ShouldContain($"warning: --parallel 4 may open up to 8 connections to {PostgresUrl.Endpoint(role.ConnectionString).Host}:");
        result.Stderr.ShouldContain("which has 2 free");
        result.Stdout.ShouldContain("4 targets: ");
        result.Stderr.ShouldNotContain(role.Password);

        var fewer = await cli.RunAsync("status", "--targets-cmd", "echo a", "--schemas");
        fewer.Stderr.ShouldNotContain("warning: --parallel");
    }

    private static Task<bool> HasRelationAsync(TestDatabase database, string name) =>
        database.ScalarAsync<bool>("SELECT to_regclass($1) IS NOT NULL", name);
}
