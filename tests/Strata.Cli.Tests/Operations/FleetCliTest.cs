using Strata.Cli.Tests.Postgres;
using Strata.TestSupport;

namespace Strata.Cli.Tests.Operations;

/// <summary>Base of the fleet tests: tenant databases on the test server, two migrations, and a tenants.txt listing them.</summary>
public abstract class FleetCliTest : PostgresCliTest
{
    /// <summary>Creates <paramref name="count"/> empty databases and writes tenants.txt (a comment, then one URL per line).</summary>
    protected async Task<List<TestDatabase>> TenantsAsync(int count, bool withDown = false)
    {
        var down = withDown ? "-- strata:down\nDROP INDEX orders_total;\n" : "";
        Workspace.Write("001_orders.sql", "CREATE TABLE orders (id serial PRIMARY KEY, total numeric);\n" + (withDown ? "-- strata:down\nDROP TABLE orders;\n" : ""))
            .Write("002_index.sql", "CREATE INDEX orders_total ON orders (total);\n" + down);
        var tenants = new List<TestDatabase>();
        for (var i = 0; i < count; i++)
        {
            tenants.Add(await Server.CreateDatabaseAsync());
        }

        File.WriteAllLines(Path.Combine(Workspace.Root, "tenants.txt"), ["# one database per tenant", .. tenants.Select(t => PostgresUrl.From(t.ConnectionString))]);
        return tenants;
    }

    protected static async Task DropAsync(List<TestDatabase> tenants)
    {
        foreach (var tenant in tenants)
        {
            await tenant.DisposeAsync();
        }
    }

    /// <summary>How strata shows a database in summaries: its URL without the password.</summary>
    protected static string Shown(TestDatabase database) => PostgresUrl.From(database.ConnectionString, password: "");

    protected static Task<bool> HasHistoryAsync(TestDatabase tenant) =>
        tenant.ScalarAsync<bool>("SELECT to_regclass('strata_migrations') IS NOT NULL");
}
