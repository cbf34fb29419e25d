using Strata.Codegen.Tests.Support;
using Strata.Schema;

namespace Strata.Codegen.Tests;

/// <summary>Range types defined with <c>CREATE TYPE … AS RANGE</c> and their multiranges: typed ranges, not strings (no database).</summary>
public sealed class RangeTypeTests
{
    private static readonly CodegenOptions Both = new() { CSharp = new CSharpOptions { Namespace = "Shop.Data", Dapper = true }, TypeScript = new TypeScriptOptions() };

    [Fact]
    public void A_column_of_a_range_type_defined_in_the_database_is_an_NpgsqlRange_of_its_subtype_and_its_multirange_an_array_of_them()
    {
        var output = CodeGenerator.Generate(Schema(), Both);
        var code = output.Files.Single(f => f.Path == "Generated/Public.g.cs").Content;

        output.Warnings.ShouldBeEmpty();
        code.ShouldContain("public required NpgsqlRange<double> Span { get; init; }");
        code.ShouldContain("public NpgsqlRange<double>[]? Spans { get; init; }");
        code.ShouldContain("public NpgsqlRange<DateTime>? Slot { get; init; }", customMessage: "a range over a domain");
        code.ShouldContain("public NpgsqlRange<DateTime>[]? Slots { get; init; }", customMessage: "a multirange named in another schema");
        code.ShouldContain("public required NpgsqlRange<int> Plain { get; init; }");
    }

    [Fact]
    public void The_generated_mapping_enables_Npgsql_s_unmapped_types_and_Dapper_sends_each_range_with_its_type_name()
    {
        var files = CodeGenerator.Generate(Schema(), Both).Files;
        var mapping = files.Single(f => f.Path.EndsWith("DatabaseMapping.g.cs", StringComparison.Ordinal)).Content;
        var dapper = files.Single(f => f.Path.EndsWith("DapperTypes.g.cs", StringComparison.Ordinal)).Content;

        mapping.ShouldContain("builder.EnableUnmappedTypes();");
        dapper.ShouldContain("SqlMapper.AddTypeHandler(new Named<NpgsqlRange<double>>(\"public.floatrange\"));");
        dapper.ShouldContain("SqlMapper.AddTypeHandler(new Named<NpgsqlRange<double>[]>(\"public.floatmultirange\"));");
        dapper.ShouldNotContain("Named<NpgsqlRange<int>>", customMessage: "int4range has NpgsqlRange<int> too: the built-in one keeps it");
    }

    [Fact]
    public void TypeScript_keeps_ranges_as_the_strings_node_postgres_returns()
    {
        var ts = CodeGenerator.Generate(Schema(), new CodegenOptions { TypeScript = new TypeScriptOptions() }).Files.Single().Content;

        ts.ShouldContain("span: string;");
        ts.ShouldContain("spans: string | null;");
    }

    [Fact]
    public void The_multirange_name_is_PostgreSQL_s_default_or_the_one_the_definition_gives()
    {
        Model.DefinitionText.RangeParts(Schemas.Name("public", "floatrange"), "subtype = double precision").ShouldBe(("double precision", Schemas.Name("public", "floatmultirange")));
        Model.DefinitionText.RangeParts(Schemas.Name("app", "span"), "subtype = numeric, subtype_diff = app.diff").ShouldBe(("numeric", Schemas.Name("app", "span_multirange")));
        Model.DefinitionText.RangeParts(Schemas.Name("app", "slot"), "subtype = app.moment, multirange_type_name = other.slots").ShouldBe(("app.moment", Schemas.Name("other", "slots")));
    }

    private static DatabaseSchema Schema() => new(
        [
            new TableDefinition(Schemas.Name("public", "bookings"),
            [
                new ColumnDefinition("span", "floatrange", true),
                new ColumnDefinition("spans", "floatmultirange", false),
                new ColumnDefinition("slot", "app.slot", false),
                new ColumnDefinition("slots", "other.slots", false),
                new ColumnDefinition("plain", "int4range", true),
                new ColumnDefinition("ints", "intish", true),
            ]),
        ],
        [
            new SchemaObject(ObjectKind.RangeType, Schemas.Name("public", "floatrange"), "subtype = double precision, subtype_diff = float8mi"),
            new SchemaObject(ObjectKind.Domain, Schemas.Name("app", "moment"), "timestamp without time zone"),
            new SchemaObject(ObjectKind.RangeType, Schemas.Name("app", "slot"), "subtype = app.moment, multirange_type_name = other.slots"),
            new SchemaObject(ObjectKind.RangeType, Schemas.Name("public", "intish"), "subtype = integer"),
        ]);
}
