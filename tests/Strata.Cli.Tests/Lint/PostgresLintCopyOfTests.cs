using System.Text.Json;
using Npgsql;
using Strata.Cli.Tests.Postgres;
using Strata.TestSupport;
using static Strata.Cli.Tests.Lint.MeasureCases;

namespace Strata.Cli.Tests.Lint;

/// <summary>
/// <c>strata lint --copy-of</c>: what is pending on a database runs on a copy of it, rows included, and the report says
/// how long each statement ran and each lock was held; the database itself is only read and the copy is dropped.
/// </summary>
public sealed class PostgresLintCopyOfTests : PostgresCliTest
{
    [Fact]
    public async Task Pending_migrations_run_on_a_copy_with_rows_and_report_how_long_each_lock_was_held()
    {
        await using var source = await Server.CreateDatabaseAsync();
        var sourceUrl = PostgresUrl.From(source.ConnectionString);
        Workspace.Write("001_orders.sql", Orders);
        (await new Cli(Workspace.Root).With("DATABASE_URL", sourceUrl).RunAsync("migrate")).ExitCode.ShouldBe(0);
        await ExecuteAloneAsync(source.ConnectionString, "INSERT INTO orders SELECT g, g FROM generate_series(1, 20000) g; ANALYZE");
        Workspace.Write("002_total.sql", TotalBigint).Write("003_flag.sql", ConstantDefault);

        var result = await new Cli(Workspace.Root).With("DATABASE_URL", sourceUrl).RunAsync("lint", "--copy-of", sourceUrl, "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var total = Measured(json.RootElement, "002_total");
        total.GetProperty("withData").GetBoolean().ShouldBeTrue();
        total.GetProperty("elapsedMs").GetDouble().ShouldBeGreaterThan(0);
        Rewritten(total).ShouldContain("table public.orders");
        var statement = total.GetProperty("statements").EnumerateArray().ShouldHaveSingleItem();
        statement.GetProperty("statement").GetString().ShouldBe("ALTER TABLE orders ALTER COLUMN total TYPE bigint");
        var held = statement.GetProperty("locks").EnumerateArray().Single(l => l.GetProperty("relation").GetString() == "public.orders" && l.GetProperty("mode").GetString() == "ACCESS EXCLUSIVE");
        held.GetProperty("heldMs").GetDouble().ShouldBeGreaterThanOrEqualTo(statement.GetProperty("elapsedMs").GetDouble());
        var rewrite = Findings(json.RootElement, "measured-rewrite", "002_total.sql").ShouldHaveSingleItem();
        rewrite.GetProperty("message").GetString()!.ShouldMatch(@"rewrote table public\.orders .* in \d+ ms, under ACCESS EXCLUSIVE on public\.orders held until commit: \d+ ms");
        rewrite.GetProperty("table").GetProperty("rows").GetInt64().ShouldBe(20000);
        rewrite.GetProperty("severity").GetString().ShouldBe("warning", "20,000 rows is between lint.small and lint.large");
        Measured(json.RootElement, "003_flag").GetProperty("status").GetString().ShouldBe("measured", "002 was committed on the copy, so 003 met the bigint column and its rows");
        (await source.ScalarAsync<string>("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'total'")).ShouldBe("integer");
        (await source.ScalarAsync<long>("SELECT count(*) FROM strata_migrations")).ShouldBe(1);
        (await source.ScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname LIKE 'strata\\_copy\\_%'")).ShouldBe(0, "the copy is dropped");
    }

    [Fact]
    public async Task Text_output_names_the_copy_and_the_hold_times()
    {
        await using var source = await Server.CreateDatabaseAsync();
        var sourceUrl = PostgresUrl.From(source.ConnectionString);
        Workspace.Write("001_orders.sql", Orders);
        (await new Cli(Workspace.Root).With("DATABASE_URL", sourceUrl).RunAsync("migrate")).ExitCode.ShouldBe(0);
        Workspace.Write("002_tags_index.sql", TagsIndex);

        var result = await new Cli(Workspace.Root).With("DATABASE_URL", sourceUrl).RunAsync("lint", "--copy-of", sourceUrl);

        result.Stderr.ShouldContain("(CREATE DATABASE … TEMPLATE) to measure 1 pending migration with its data");
        result.Stdout.ShouldMatch(@"table public\.tags SHARE held \d+ ms from line 1 \(blocks writes\)");
        result.Stdout.ShouldMatch(@"slowest statements: line 1 \d+ ms");
        result.Stdout.ShouldMatch(@"measured 1 pending migration on a copy of postgres://\S+/" + source.Name + @" with its rows \(dropped afterwards\)");
    }

    [Fact]
    public async Task A_database_someone_is_connected_to_is_refused_with_the_query_that_lists_the_sessions()
    {
        await using var source = await Server.CreateDatabaseAsync();
        var sourceUrl = PostgresUrl.From(source.ConnectionString);
        Workspace.Write("001_orders.sql", Orders);
        await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(source.ConnectionString) { Pooling = false }.ConnectionString);
        await other.OpenAsync();

        var result = await new Cli(Workspace.Root).With("DATABASE_URL", sourceUrl).RunAsync("lint", "--copy-of", sourceUrl);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("PostgreSQL copies only a database nobody is connected to");
        result.Stderr.ShouldContain($"FROM pg_stat_activity WHERE datname = '{source.Name}'");
    }

    [Fact]
    public async Task Against_and_copy_of_together_are_refused()
    {
        Workspace.Write("001_orders.sql", Orders);

        var result = await Cli().RunAsync("lint", "--copy-of", DatabaseUrl, "--against", DatabaseUrl);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--against and --copy-of cannot be combined");
    }

    /// <summary>Runs <paramref name="sql"/> on a connection of its own, closed afterwards (a pooled one would stop the copy).</summary>
    private static async Task ExecuteAloneAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
