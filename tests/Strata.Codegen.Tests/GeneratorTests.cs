using Strata.Codegen.Tests.Support;
using Strata.Errors;
using Strata.Schema;

namespace Strata.Codegen.Tests;

/// <summary>What the generator writes for small hand-built schemas (no database).</summary>
public sealed class GeneratorTests
{
    private static readonly CodegenOptions Both = new() { CSharp = new CSharpOptions { Namespace = "Shop.Data" }, TypeScript = new TypeScriptOptions() };

    [Fact]
    public void The_same_schema_gives_byte_identical_output_whose_header_carries_the_schema_hash_and_no_time()
    {
        var first = CodeGenerator.Generate(Schemas.Shop(), Both);
        var second = CodeGenerator.Generate(Schemas.Shop(), Both);

        second.Files.ShouldBe(first.Files);
        first.SchemaHash.Length.ShouldBe(16);
        first.Files.ShouldAllBe(f => f.Content.Contains("from schema " + first.SchemaHash, StringComparison.Ordinal));
        first.Files.ShouldAllBe(f => !f.Content.Contains(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        CodeGenerator.Generate(Schemas.Shop("note"), Both).SchemaHash.ShouldNotBe(first.SchemaHash);
    }

    [Fact]
    public void A_row_has_every_column_and_an_insert_leaves_out_identity_always_and_generated_columns_and_makes_defaulted_ones_optional()
    {
        var code = CodeGenerator.Generate(Schemas.Shop(), Both).Files.Single(f => f.Path == "Generated/Public.g.cs").Content;

        code.ShouldContain("public required long Id { get; init; }");
        code.ShouldContain("public decimal? Doubled { get; init; }");
        var start = code.IndexOf("public sealed partial record OrdersInsert", StringComparison.Ordinal);
        var insert = code[start..code.IndexOf("public static partial class Orders", start, StringComparison.Ordinal)];
        insert.ShouldNotContain(" Id {");
        insert.ShouldNotContain(" Doubled {");
        insert.ShouldContain("public required Guid UserId { get; init; }");
        insert.ShouldContain("public OrderStatus? Status { get; init; }");
        insert.ShouldContain("public DateTime? CreatedAt { get; init; }");
        insert.ShouldContain("public global::System.Text.Json.JsonElement? Meta { get; init; }".Replace("global::System.Text.Json.", "", StringComparison.Ordinal));
        code.ShouldContain("/// Gross &lt;total&gt; &amp; tax");
        code.ShouldContain("[PgName(\"in-transit\")]\n    InTransit,");
        code.ShouldContain("public static readonly IReadOnlyList<DbForeignKey> ForeignKeys = [new(\"orders_user_id_fkey\", [\"user_id\"], \"public.users\", [\"id\"])];");
    }

    [Fact]
    public void TypeScript_follows_kysely_codegen_with_generated_markers_enum_unions_and_a_DB_interface()
    {
        var ts = CodeGenerator.Generate(Schemas.Shop(), Both).Files.Single(f => f.Path == "db.ts").Content;

        ts.ShouldContain("export type OrderStatus = \"new\" | \"paid\" | \"in-transit\";");
        ts.ShouldContain("  id: GeneratedAlways<Int8>;");
        ts.ShouldContain("  status: Generated<OrderStatus>;");
        ts.ShouldContain("  /** Gross <total> & tax */\n  total: Numeric;");
        ts.ShouldContain("  meta: Json | null;");
        ts.ShouldContain("  created_at: Generated<Timestamp>;");
        ts.ShouldContain("export interface DB {\n  orders: Orders;\n  users: Users;\n}");
        ts.ShouldNotContain("Interval", Case.Sensitive, "helpers no column uses are left out");
    }

    [Fact]
    public void Idiomatic_TypeScript_names_are_what_Kysely_CamelCasePlugin_expects()
    {
        var options = new CodegenOptions { TypeScript = new TypeScriptOptions { Naming = NamingStyle.Idiomatic, BigInt = BigIntMode.BigInt } };
        var ts = CodeGenerator.Generate(Schemas.Shop(), options).Files.Single().Content;

        ts.ShouldContain("  userId: string;");
        ts.ShouldContain("  createdAt: Generated<Timestamp>;");
        ts.ShouldContain("  id: GeneratedAlways<bigint>;");
    }

    [Fact]
    public void Two_objects_that_would_share_a_type_name_are_bad_input_naming_both_and_the_fix()
    {
        var schema = new DatabaseSchema([.. Schemas.Table("public", "app_things", "a").Tables, .. Schemas.Table("app", "things", "b").Tables], []);

        var error = Should.Throw<ConfigurationException>(() => CodeGenerator.Generate(schema, Both));

        error.Message.ShouldContain("table public.app_things and table app.things would both generate the type name AppThings");
        error.Hint!.ShouldContain("\"names\": { \"public.app_things\": \"AppThingsTable\" }");
        CodeGenerator.Generate(schema, Both with { Names = new Dictionary<string, string> { ["app.things"] = "Thing" } })
            .Files.Single(f => f.Path == "Generated/App.g.cs").Content.ShouldContain("public sealed partial record ThingRow");
    }

    [Fact]
    public void An_override_that_names_no_column_or_type_is_bad_input()
    {
        var column = Should.Throw<ConfigurationException>(() => CodeGenerator.Generate(Schemas.Shop(), Both with
        {
            Columns = new Dictionary<string, ColumnOverride> { ["public.orders.metta"] = new() { CSharp = "Meta" } },
        }));
        var type = Should.Throw<ConfigurationException>(() => CodeGenerator.Generate(Schemas.Shop(), Both with
        {
            Types = new Dictionary<string, TypeOverride> { ["jsonbb"] = new() { CSharp = "string" } },
        }));

        column.Message.ShouldContain("\"columns\" names public.orders.metta, which is no column of a generated table or view");
        type.Message.ShouldContain("\"types\" names jsonbb, which is neither a type of the schema nor a built-in type");
    }

    [Fact]
    public void Overrides_type_a_JSON_column_make_a_view_column_non_null_and_map_a_type_by_alias()
    {
        var options = Both with
        {
            Columns = new Dictionary<string, ColumnOverride>
            {
                ["orders.meta"] = new() { CSharp = "Shop.OrderMeta", TypeScript = "OrderMeta" },
                ["public.users.email"] = new() { Nullable = true },
            },
            Types = new Dictionary<string, TypeOverride> { ["timestamptz"] = new() { CSharp = "NodaTime.Instant", TypeScript = "string" } },
            TypeScript = new TypeScriptOptions { Imports = new Dictionary<string, string> { ["OrderMeta"] = "./order-meta" } },
        };
        var output = CodeGenerator.Generate(Schemas.Shop(), options);
        var cs = output.Files.Single(f => f.Path == "Generated/Public.g.cs").Content;
        var ts = output.Files.Single(f => f.Path == "db.ts").Content;

        cs.ShouldContain("public Shop.OrderMeta? Meta { get; init; }");
        cs.ShouldContain("public required NodaTime.Instant CreatedAt { get; init; }");
        cs.ShouldContain("public string? Email { get; init; }");
        output.Files.Single(f => f.Path == "Generated/DatabaseMapping.g.cs").Content.ShouldContain("builder.EnableDynamicJson();");
        ts.ShouldContain("import type { OrderMeta } from \"./order-meta\";");
        ts.ShouldContain("  meta: OrderMeta | null;");
        ts.ShouldContain("  created_at: Generated<string>;");
    }

    [Fact]
    public void Include_and_exclude_patterns_choose_relations_and_types_a_kept_column_uses_stay()
    {
        var output = CodeGenerator.Generate(Schemas.Shop(), Both with { Include = ["public.ord*"], Exclude = ["users"] });
        var ts = output.Files.Single(f => f.Path == "db.ts").Content;

        ts.ShouldContain("export interface Orders");
        ts.ShouldNotContain("export interface Users");
        ts.ShouldContain("export type OrderStatus");
    }

    [Fact]
    public void An_include_pattern_that_matches_nothing_is_bad_input_naming_it_instead_of_generating_nothing()
    {
        var error = Should.Throw<ConfigurationException>(() => CodeGenerator.Generate(Schemas.Shop(), Both with { Include = ["public.ord*", "Users"] }));

        error.Message.ShouldContain("\"include\" pattern \"Users\" matches no table, view or type of the schema");
        error.Hint.ShouldNotBeNull().ShouldContain("case-sensitive");
        CodeGenerator.Generate(DatabaseSchema.Empty, Both with { Include = ["Users"] }).Files.ShouldNotBeEmpty("a schema with nothing yet is no mistake");
    }

    [Fact]
    public void A_column_without_a_declared_type_says_so_in_its_doc_comment()
    {
        var schema = new DatabaseSchema([], [new SchemaObject(ObjectKind.View, Schemas.Name("main", "totals"), "SELECT 1") { Columns = [new ColumnDefinition("n", "", false)] }]);
        var options = Both with { Dialect = Dialect.Sqlite };

        var code = CodeGenerator.Generate(schema, options).Files.Single(f => f.Path.EndsWith(".g.cs", StringComparison.Ordinal) && f.Content.Contains("TotalsRow", StringComparison.Ordinal)).Content;

        code.ShouldContain("/// <summary>Column <c>n</c> (no declared type).</summary>");
    }

    [Fact]
    public void Per_table_layout_writes_a_file_per_relation_and_one_for_the_schema_types()
    {
        var options = Both with { CSharp = new CSharpOptions { Files = FileLayout.PerTable, Output = "src/Data/" } };

        CodeGenerator.Generate(Schemas.Shop(), options).Files.Select(f => f.Path).ShouldBe(
            ["db.ts", "src/Data/DatabaseMapping.g.cs", "src/Data/Public/Orders.g.cs", "src/Data/Public/Types.g.cs", "src/Data/Public/Users.g.cs"]);
    }

    [Fact]
    public void A_type_no_mapping_knows_is_a_string_with_a_warning_naming_the_column_and_the_override()
    {
        var schema = new DatabaseSchema([new TableDefinition(Schemas.Name("public", "shapes"), [new ColumnDefinition("g", "geometry(Point,4326)", false)])], []);

        var output = CodeGenerator.Generate(schema, Both);

        output.Warnings.ShouldHaveSingleItem().ShouldContain("type geometry (public.shapes.g) has no mapping: generated as string");
        output.Files.Single(f => f.Path == "Generated/Public.g.cs").Content.ShouldContain("public string? G { get; init; }");
    }
}
