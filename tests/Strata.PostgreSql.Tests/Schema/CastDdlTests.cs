using Strata.Schema;

namespace Strata.PostgreSql.Tests.Schema;

/// <summary>
/// User-defined casts in the PostgreSQL renderer and the diff: created with their comment, dropped by source and target,
/// recreated when the method or context changes (PostgreSQL cannot alter a cast), commented in place, and ordered
/// after the function and the types they use.
/// </summary>
public sealed class CastDdlTests
{
    private static readonly QualifiedName Account = new("app", "account");
    private static readonly QualifiedName Amount = new("app", "amount");
    private static readonly QualifiedName AccountAmount = new("app", "account_amount");

    private static SchemaObject Cast(string context = " AS IMPLICIT", string? comment = "balance") =>
        new(ObjectKind.Cast, new QualifiedName(null, "(app.account AS app.amount)"),
            "CREATE CAST (app.account AS app.amount) WITH FUNCTION app.account_amount(app.account)" + context)
        {
            Comment = comment,
            DependsOn = [AccountAmount, Account, Amount],
        };

    private static DatabaseSchema State(params SchemaObject[] casts) => new(
        [new TableDefinition(Account, [new ColumnDefinition("id", "integer", true)])],
        [
            new SchemaObject(ObjectKind.CompositeType, Amount, "value numeric"),
            new SchemaObject(ObjectKind.Function, AccountAmount, "CREATE OR REPLACE FUNCTION app.account_amount(app.account)\n RETURNS app.amount")
            {
                Arguments = "app.account",
                DependsOn = [Account, Amount],
            },
            .. casts,
        ]);

    [Fact]
    public void A_cast_is_created_with_its_comment_after_its_table_and_function_and_dropped_before_them()
    {
        var plan = SchemaDiffer.Plan(DatabaseSchema.Empty, State(Cast()), PostgreSqlDdlRenderer.Instance);

        plan.Up.Statements.ShouldBe([
            "SET check_function_bodies = off",
            "CREATE TYPE app.amount AS (value numeric)",
            "CREATE TABLE app.account (\n    id integer NOT NULL\n)",
            "CREATE OR REPLACE FUNCTION app.account_amount(app.account)\n RETURNS app.amount",
            "CREATE CAST (app.account AS app.amount) WITH FUNCTION app.account_amount(app.account) AS IMPLICIT",
            "COMMENT ON CAST (app.account AS app.amount) IS 'balance'",
        ]);
        plan.Down.Statements.ShouldBe([
            "DROP CAST (app.account AS app.amount)",
            "DROP FUNCTION app.account_amount(app.account)",
            "DROP TABLE app.account",
            "DROP TYPE app.amount",
        ]);
    }

    [Fact]
    public void A_cast_whose_context_changes_is_dropped_and_created_again_since_a_cast_cannot_be_altered()
    {
        var diff = SchemaDiffer.Compare(State(Cast()), State(Cast(" AS ASSIGNMENT")), PostgreSqlDdlRenderer.Instance);

        diff.Statements.ShouldBe([
            "DROP CAST (app.account AS app.amount)",
            "CREATE CAST (app.account AS app.amount) WITH FUNCTION app.account_amount(app.account) AS ASSIGNMENT",
            "COMMENT ON CAST (app.account AS app.amount) IS 'balance'",
        ]);
        diff.Changes.Select(c => c.Summary).ShouldBe(["drop cast (app.account AS app.amount)", "recreate cast (app.account AS app.amount)"]);
    }

    [Fact]
    public void A_casts_comment_changes_in_place_and_a_cast_gone_from_the_target_is_dropped()
    {
        SchemaDiffer.Compare(State(Cast()), State(Cast(comment: null)), PostgreSqlDdlRenderer.Instance).Statements
            .ShouldBe(["COMMENT ON CAST (app.account AS app.amount) IS NULL"]);
        SchemaDiffer.Compare(State(Cast()), State(), PostgreSqlDdlRenderer.Instance).Statements
            .ShouldBe(["DROP CAST (app.account AS app.amount)"]);
    }

    [Fact]
    public void A_function_recreated_under_a_cast_takes_the_cast_down_and_back_up_with_it()
    {
        var before = State(Cast());
        var after = new DatabaseSchema(before.Tables, before.Objects.Select(o => o.Kind is ObjectKind.Function
            ? o with { Definition = "CREATE OR REPLACE FUNCTION app.account_amount(app.account)\n RETURNS app.amount\n STRICT" }
            : o));

        SchemaDiffer.Compare(before, after, PostgreSqlDdlRenderer.Instance).Changes.Select(c => c.Summary).ShouldBe([
            "alter function app.account_amount(app.account)",
        ]);

        var retyped = new DatabaseSchema(before.Tables, before.Objects.Select(o => o.Kind is ObjectKind.Function
            ? o with { Definition = "CREATE OR REPLACE FUNCTION app.account_amount(app.account)\n RETURNS text" }
            : o));
        SchemaDiffer.Compare(before, retyped, PostgreSqlDdlRenderer.Instance).Changes.Select(c => c.Summary).ShouldBe([
            "drop cast (app.account AS app.amount)",
            "drop function app.account_amount(app.account)",
            "recreate function app.account_amount(app.account)",
            "recreate cast (app.account AS app.amount)",
        ]);
    }

    [Fact]
    public void Filtering_by_schema_keeps_a_cast_only_when_its_types_and_function_are_kept()
    {
        var cast = Cast();
        var builtIn = new SchemaObject(ObjectKind.Cast, new QualifiedName(null, "(cid AS integer)"), "CREATE CAST (cid AS integer) WITHOUT FUNCTION");
        var state = new DatabaseSchema([], [cast, builtIn]);

        state.Filter(new SchemaFilter { Schemas = ["app"] }).Objects.ShouldBe([cast, builtIn], ignoreOrder: true);
        state.Filter(new SchemaFilter { Schemas = ["public"] }).Objects.ShouldBe([builtIn]);
        cast.ToString().ShouldBe("cast (app.account AS app.amount)");
    }
}
