using Npgsql;
using Strata.Execution;
using Strata.TestSupport;

namespace Strata.Testing.Tests;

/// <summary>Reset mode: only written tables are emptied (with their referencing tables), seeds and sequences come back.</summary>
public sealed class PostgresResetTests
{
    [Fact]
    public async Task The_resetter_finds_exactly_the_written_tables_and_empties_the_filled_tables_referencing_them()
    {
        var server = await PostgresServer.SharedAsync();
        using var migrations = Migrations.Shop(nameof(The_resetter_finds_exactly_the_written_tables_and_empties_the_filled_tables_referencing_them));
        await using var owner = new PostgresTestServer(server.ConnectionString);
        var template = await owner.EnsureTemplateAsync(migrations.Source, new MigratorOptions());
        var clone = owner.ConnectionStringFor(await owner.CloneAsync(template));
        var resetter = await PostgresResetter.CreateAsync(clone, CancellationToken.None);
        var mark = await PostgresResetter.MarkAsync(clone, CancellationToken.None);

        await ExecuteAsync(clone, "INSERT INTO customers (name) VALUES ('ada')");
        await ExecuteAsync(clone, "UPDATE statuses SET label = 'Paid!' WHERE code = 'paid'");
        await using var connection = await OpenAsync(clone);
        var (written, filled) = await resetter.WrittenTablesAsync(connection, mark, CancellationToken.None);
        var everyReferencing = resetter.Closure(written, null);
        var (truncate, delete) = resetter.Plan(written, filled);
        await ExecuteAsync(clone, "INSERT INTO orders (customer_id) VALUES (1)");
        var (writtenToo, filledToo) = await resetter.WrittenTablesAsync(connection, mark, CancellationToken.None);
        var (truncateToo, deleteToo) = resetter.Plan(writtenToo, filledToo);

        Names(resetter, written).ShouldBe(["public.customers", "public.statuses"]);
        Names(resetter, everyReferencing).ShouldBe(["public.customers", "public.order_status", "public.orders", "public.statuses"]);
        Names(resetter, truncate).ShouldBeEmpty();
        Names(resetter, delete).ShouldBe(["public.customers", "public.statuses"]);
        Names(resetter, truncateToo).ShouldBe(["public.customers"]);
        Names(resetter, deleteToo).ShouldBe(["public.orders", "public.statuses"]);
        await owner.DropAsync(new NpgsqlConnectionStringBuilder(clone).Database!);
    }

    [Fact]
    public async Task A_reset_database_equals_a_fresh_clone_and_is_handed_to_the_next_test()
    {
        var server = await PostgresServer.SharedAsync();
        using var migrations = Migrations.Shop(nameof(A_reset_database_equals_a_fresh_clone_and_is_handed_to_the_next_test));
        await using var pool = TestDatabases.ForPostgres(server.ConnectionString, migrations.Source, new TestDatabaseOptions { WarmClones = 0, ResetOnReturn = true });
        var first = await pool.RentAsync();
        await ExecuteAsync(first.ConnectionString, """
            INSERT INTO customers (name) VALUES ('ada'), ('bob');
            INSERT INTO orders (customer_id, note) VALUES (1, 'x');
            INSERT INTO order_status VALUES (1, 'paid');
            DELETE FROM statuses WHERE code = 'new';
            INSERT INTO statuses VALUES ('void', 'Void');
            """);
        var name = first.Name;

        await first.DisposeAsync();
        await pool.WhenReturnedAsync();
        await using var second = await pool.RentAsync();

        second.Name.ShouldBe(name);
        (await PostgresPoolTests.CountAsync(second.ConnectionString, "SELECT count(*) FROM customers")).ShouldBe(0);
        (await PostgresPoolTests.CountAsync(second.ConnectionString, "SELECT count(*) FROM orders")).ShouldBe(0);
        (await PostgresPoolTests.CountAsync(second.ConnectionString, "SELECT count(*) FROM order_status")).ShouldBe(0);
        (await PostgresPoolTests.CountAsync(second.ConnectionString, "SELECT count(*) FROM statuses WHERE code IN ('new', 'paid')")).ShouldBe(2);
        (await PostgresPoolTests.CountAsync(second.ConnectionString, "SELECT count(*) FROM statuses")).ShouldBe(2);
        (await PostgresPoolTests.CountAsync(second.ConnectionString, "SELECT count(*) FROM strata_migrations")).ShouldBe(1);
        await ExecuteAsync(second.ConnectionString, "INSERT INTO customers (name) VALUES ('eve')");
        (await PostgresPoolTests.CountAsync(second.ConnectionString, "SELECT max(id) FROM customers")).ShouldBe(1);
    }

    [Fact]
    public async Task A_database_whose_schema_the_test_changed_is_dropped_instead_of_reset()
    {
        var server = await PostgresServer.SharedAsync();
        using var migrations = Migrations.Shop(nameof(A_database_whose_schema_the_test_changed_is_dropped_instead_of_reset));
        await using var pool = TestDatabases.ForPostgres(server.ConnectionString, migrations.Source, new TestDatabaseOptions { WarmClones = 0, ResetOnReturn = true });
        var first = await pool.RentAsync();
        await ExecuteAsync(first.ConnectionString, "CREATE TABLE extra (id int)");

        await first.DisposeAsync();
        await pool.WhenReturnedAsync();

        (await server.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{first.Name}'")).ShouldBe(0);
        await using var second = await pool.RentAsync();
        second.Name.ShouldNotBe(first.Name);
    }

    private static List<string> Names(PostgresResetter resetter, IEnumerable<long> tables) =>
        tables.Select(o => resetter.Facts.Tables[o]).Order(StringComparer.Ordinal).ToList();

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
