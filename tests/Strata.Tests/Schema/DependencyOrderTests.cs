using Strata.Schema;

namespace Strata.Tests.Schema;

/// <summary>Changes come in dependency order across kinds and phases, and filtering keeps what hangs on views.</summary>
public sealed class DependencyOrderTests
{
    private static readonly QualifiedName Money = new("public", "money_pair");
    private static readonly QualifiedName MakeMoney = new("public", "make_money");
    private static readonly QualifiedName Prices = new("public", "prices");
    private static readonly QualifiedName Orders = new("public", "orders");

    [Fact]
    public void A_view_over_a_function_over_a_type_is_created_after_both_and_dropped_before_them()
    {
        var state = new DatabaseSchema([], [
            new SchemaObject(ObjectKind.View, Prices, "select make_money()") { DependsOn = [MakeMoney] },
            new SchemaObject(ObjectKind.Function, MakeMoney, "create function") { Arguments = "", DependsOn = [Money] },
            new SchemaObject(ObjectKind.CompositeType, Money, "amount numeric"),
        ]);

        var plan = SchemaDiffer.Plan(DatabaseSchema.Empty, state, new TextRenderer());

        plan.Up.Statements.ShouldBe(["create composite type public.money_pair", "create function public.make_money()", "create view public.prices"]);
        plan.Down.Statements.ShouldBe(["drop view public.prices", "drop function public.make_money()", "drop composite type public.money_pair"]);
    }

    [Fact]
    public void A_function_returning_a_tables_rows_comes_after_the_table_and_a_domain_after_the_function_its_check_calls()
    {
        var check = new QualifiedName("public", "is_code");
        var state = new DatabaseSchema([new TableDefinition(Orders, [new ColumnDefinition("id", "int", true)])], [
            new SchemaObject(ObjectKind.Function, new QualifiedName("public", "all_orders"), "returns setof orders") { Arguments = "", DependsOn = [Orders] },
            new SchemaObject(ObjectKind.Domain, new QualifiedName("public", "code"), "text CHECK (is_code(VALUE))") { DependsOn = [check] },
            new SchemaObject(ObjectKind.Function, check, "is_code") { Arguments = "text" },
        ]);

        SchemaDiffer.Compare(DatabaseSchema.Empty, state, new TextRenderer()).Statements.ShouldBe([
            "create function public.is_code(text)",
            "create domain public.code",
            "create table public.orders",
            "create function public.all_orders()",
        ]);
    }

    [Fact]
    public void A_table_dropped_with_its_trigger_goes_before_the_triggers_function_even_when_it_waits_for_a_function_sorting_later()
    {
        // pmantra/e1's rollback: the table waited for the drop of a function over its row type (here z_of_orders), and
        // the trigger function, sorting first among the functions, was dropped while the table's trigger still used it.
        var stamp = new QualifiedName("public", "a_stamp");
        var state = new DatabaseSchema([new TableDefinition(Orders, [new ColumnDefinition("id", "int", true)])], [
            new SchemaObject(ObjectKind.Function, stamp, "returns trigger") { Arguments = "" },
            new SchemaObject(ObjectKind.Function, new QualifiedName("public", "z_of_orders"), "takes orders") { Arguments = "orders", DependsOn = [Orders] },
            new SchemaObject(ObjectKind.Trigger, new QualifiedName("public", "orders_stamp"), "execute a_stamp()") { Table = Orders, DependsOn = [stamp] },
        ]);

        SchemaDiffer.Plan(DatabaseSchema.Empty, state, new TextRenderer()).Down.Statements.ShouldBe([
            "drop function public.z_of_orders(orders)",
            "drop table public.orders",
            "drop function public.a_stamp()",
        ]);
    }

    [Fact]
    public void A_partition_is_created_after_its_table_and_dropped_before_it()
    {
        var parent = new TableDefinition(new QualifiedName("public", "z_events"), [new ColumnDefinition("at", "date", true)]) { Options = "PARTITION BY RANGE (at)" };
        var partition = new TableDefinition(new QualifiedName("public", "a_events_2020"), [new ColumnDefinition("at", "date", true) { Inherited = true }])
        {
            PartitionOf = parent.Name,
            PartitionBound = "DEFAULT",
        };
        var state = new DatabaseSchema([parent, partition], []);

        var plan = SchemaDiffer.Plan(DatabaseSchema.Empty, state, new TextRenderer());

        plan.Up.Statements.ShouldBe(["create table public.z_events", "create table public.a_events_2020"]);
        plan.Down.Statements.ShouldBe(["drop table public.a_events_2020", "drop table public.z_events"]);
    }

    [Fact]
    public void Filtering_out_history_tables_keeps_indexes_of_materialized_views_and_grants_on_views_and_functions()
    {
        var view = new SchemaObject(ObjectKind.MaterializedView, Prices, "select 1");
        var index = new SchemaObject(ObjectKind.Index, new QualifiedName("public", "prices_idx"), "create index") { Table = Prices };
        var grant = new SchemaObject(ObjectKind.Grant, new QualifiedName(null, "reader"), "SELECT") { Table = Prices, Arguments = "TABLE" };
        var execute = new SchemaObject(ObjectKind.Grant, new QualifiedName(null, "PUBLIC"), "none instead of EXECUTE") { Table = MakeMoney, Arguments = "FUNCTION " };
        var function = new SchemaObject(ObjectKind.Function, MakeMoney, "create function") { Arguments = "" };
        var history = new TableDefinition(new QualifiedName("public", "strata_migrations"), []);
        var historyGrant = grant with { Table = history.Name };
        var state = new DatabaseSchema([history], [view, index, grant, execute, function, historyGrant]);

        var kept = state.Filter(new SchemaFilter { ExcludedTables = [history.Name] });

        kept.Objects.ShouldBe([function, index, view, execute, grant], ignoreOrder: true);
    }

    [Fact]
    public void Objects_the_engine_cannot_model_stay_listed_through_filtering_and_match_accepting_patterns()
    {
        var server = new UnmanagedObject("server", new QualifiedName(null, "elsewhere"));
        var foreign = new UnmanagedObject("foreign table", new QualifiedName("legacy", "users"));
        var state = new DatabaseSchema([], [], [foreign, server, server]);

        state.Unmanaged.ShouldBe([foreign, server]);
        state.Filter(new SchemaFilter { Schemas = ["public"] }).Unmanaged.ShouldBe([server]);
        foreign.ToString().ShouldBe("foreign table legacy.users");
        foreign.Matches("foreign table legacy.*").ShouldBeTrue();
        foreign.Matches("server *").ShouldBeFalse();
        server.Matches("*").ShouldBeTrue();
    }

    [Fact]
    public void Recreating_a_function_recreates_what_depends_on_it_and_the_grants_on_it()
    {
        var before = new SchemaObject(ObjectKind.Function, MakeMoney, "returns int") { Arguments = "" };
        var after = before with { Definition = "returns bigint" };
        var view = new SchemaObject(ObjectKind.View, Prices, "select make_money()") { DependsOn = [MakeMoney] };
        var grant = new SchemaObject(ObjectKind.Grant, new QualifiedName(null, "PUBLIC"), "none instead of EXECUTE") { Table = MakeMoney, Arguments = "FUNCTION " };

        var diff = SchemaDiffer.Compare(new DatabaseSchema([], [before, view, grant]), new DatabaseSchema([], [after, view, grant]), new TextRenderer());

        diff.Statements.ShouldBe([
            "drop grant to PUBLIC on function public.make_money",
            "drop view public.prices",
            "drop function public.make_money()",
            "create function public.make_money()",
            "create view public.prices",
            "create grant to PUBLIC on function public.make_money",
        ]);
    }
}
