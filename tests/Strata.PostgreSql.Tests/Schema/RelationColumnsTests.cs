using Strata.Schema;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Schema;

/// <summary>Views and materialized views carry their columns (for code generation), not only their definition.</summary>
public sealed class RelationColumnsTests : PostgresTestBase
{
    [Fact]
    public async Task Views_and_materialized_views_carry_their_columns_types_and_comments()
    {
        await Database.ExecuteAsync("""
            CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(12,2) NOT NULL, note text);
            CREATE VIEW big_orders AS SELECT id, total, note, total * 2 AS doubled FROM orders WHERE total > 100;
            COMMENT ON COLUMN big_orders.total IS 'Gross, in euros';
            CREATE MATERIALIZED VIEW order_count AS SELECT count(*) AS n FROM orders;
            """);

        var state = await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None);

        var view = state.Objects.Single(o => o.Kind == ObjectKind.View);
        view.Columns.Select(c => (c.Name, c.Type, c.NotNull, c.Comment)).ShouldBe(
        [
            ("id", "bigint", false, null),
            ("total", "numeric(12,2)", false, "Gross, in euros"),
            ("note", "text", false, null),
            ("doubled", "numeric", false, null),
        ]);
        state.Objects.Single(o => o.Kind == ObjectKind.MaterializedView).Columns.Select(c => (c.Name, c.Type)).ShouldBe([("n", "bigint")]);
        state.Objects.Where(o => o.Kind is not (ObjectKind.View or ObjectKind.MaterializedView)).ShouldAllBe(o => o.Columns.Count == 0);
    }
}
