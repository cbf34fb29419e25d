using Strata.Execution;
using Strata.Schema;
using Strata.Sources;

namespace Strata.PostgreSql.Tests.Measuring;

/// <summary>
/// PostgreSQL's measuring role (<see cref="SchemaRoles.Measuring"/>, ADR 012) reached through the schema roles, as
/// measured lint reaches it: a probe on a scratch database sees a rewrite and its lock and rolls it back, and the
/// database's table sizes are read through the same role.
/// </summary>
public sealed class MeasuringRoleTests : DialectTest
{
    [Fact]
    public async Task A_probe_from_the_role_reports_the_rewrite_and_lock_of_a_type_change_and_rolls_it_back()
    {
        var roles = ((ISchemaDialect)new PostgreSqlDialect(Database.ConnectionString)).SchemaRoles;
        var measuring = roles.Measuring.ShouldNotBeNull("PostgreSQL measures migrations");
        var scratch = await roles.Scratch.OpenAsync(null, "the test database", CancellationToken.None);
        await using (scratch)
        {
            var probe = await measuring.OpenProbeAsync(scratch, new SessionOptions(), null, CancellationToken.None);
            await using (probe)
            {
                await probe.ApplyAsync("001_orders", new SqlScript("CREATE TABLE orders (id int PRIMARY KEY, total int);", "001_orders.sql", 1, transactional: true), CancellationToken.None);

                var measured = await probe.MeasureAsync("002_widen", new SqlScript("ALTER TABLE orders ALTER COLUMN total TYPE bigint;", "002_widen.sql", 1, transactional: true), keep: false, CancellationToken.None);

                measured.Failure.ShouldBeNull();
                var statement = measured.Statements.ShouldHaveSingleItem();
                statement.Rewritten.Select(r => r.Description).ShouldContain("table public.orders");
                measured.LocksAtEnd.ShouldContain(l => l.Relation.Name == new QualifiedName("public", "orders") && l.BlocksReads);
                measured.After.ShouldNotBeNull().Tables.Single().Columns.Single(c => c.Name == "total").Type.ShouldBe("bigint", "read inside the transaction");
            }

            var after = await scratch.ReadAsync(null, CancellationToken.None);
            after.Tables.Single().Columns.Single(c => c.Name == "total").Type.ShouldBe("integer", "the measured migration was rolled back");
        }
    }

    [Fact]
    public async Task The_role_reads_the_databases_table_sizes()
    {
        await Database.ExecuteAsync("CREATE TABLE sized (id int); INSERT INTO sized SELECT generate_series(1, 30); ANALYZE sized;");
        var measuring = ((ISchemaDialect)new PostgreSqlDialect(Database.ConnectionString)).SchemaRoles.Measuring.ShouldNotBeNull();

        var sizes = await measuring.ReadSizesAsync([new QualifiedName("public", "sized"), new QualifiedName("public", "absent")], "the target", CancellationToken.None);

        sizes.Keys.ShouldBe([new QualifiedName("public", "sized")]);
        sizes[new QualifiedName("public", "sized")].Rows.ShouldBe(30);
    }
}
