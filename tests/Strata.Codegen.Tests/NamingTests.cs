using Strata.Codegen.Tests.Support;
using Strata.Schema;

namespace Strata.Codegen.Tests;

/// <summary>Database names that are awkward as identifiers still give compilable, unique C# in both naming styles.</summary>
public sealed class NamingTests
{
    private static readonly DatabaseSchema Awkward = new(
        [
            new TableDefinition(new QualifiedName("public", "order items"),
            [
                new ColumnDefinition("class", "text", true),
                new ColumnDefinition("2fa", "boolean", true),
                new ColumnDefinition("my col", "integer", false),
                new ColumnDefinition("user_id", "uuid", true),
                new ColumnDefinition("userId", "uuid", true),
                new ColumnDefinition("read", "text", false),
                new ColumnDefinition("values", "text", false),
                new ColumnDefinition("order_items_row", "text", false),
                new ColumnDefinition("columns", "text", false),
                new ColumnDefinition("Größe", "numeric", false),
            ]),
            new TableDefinition(new QualifiedName("public", "guid"), [new ColumnDefinition("id", "uuid", true)]),
        ],
        [new SchemaObject(ObjectKind.Enum, new QualifiedName("public", "weird"), "'a b', 'a-b', '', '1st', 'Weird'")]);

    [Theory]
    [InlineData(NamingStyle.Idiomatic)]
    [InlineData(NamingStyle.Preserve)]
    public void Awkward_names_compile_without_warnings(NamingStyle naming)
    {
        var options = new CodegenOptions { CSharp = new CSharpOptions { Namespace = "Awkward." + naming, Naming = naming, Dapper = true } };

        var output = CodeGenerator.Generate(Awkward, options);

        CSharpCompiler.Compile("Awkward", output.Files).GetType($"Awkward.{naming}.OrderItemsRow").ShouldNotBeNull();
        var code = output.Files.Single(f => f.Path == "Generated/Public.g.cs").Content;
        code.ShouldContain("public static partial class Guid");
        code.ShouldContain("required global::System.Guid ", Case.Sensitive, "a table named guid takes the name Guid: the framework type is qualified");
        if (naming == NamingStyle.Preserve)
        {
            code.ShouldContain("public required string @class { get; init; }");
            code.ShouldContain("public required bool _2fa { get; init; }");
            code.ShouldContain("public int? my_col { get; init; }");
        }
        else
        {
            code.ShouldContain("public required global::System.Guid UserId { get; init; }");
            code.ShouldContain("public required global::System.Guid UserId_2 { get; init; }");
            code.ShouldContain("public string? Read_2 { get; init; }");
        }
    }

    [Theory]
    [InlineData("user_id", "UserId")]
    [InlineData("userID", "UserID")]
    [InlineData("2fa", "_2fa")]
    [InlineData("order items", "OrderItems")]
    [InlineData("", "_")]
    public void Pascal_case_joins_words_and_keeps_inner_capitals(string name, string expected) => Identifiers.Pascal(name).ShouldBe(expected);

    [Theory]
    [InlineData("created_at", "createdAt")]
    [InlineData("_private", "_private")]
    [InlineData("a_b_c", "aBC")]
    public void Camel_case_is_what_Kysely_CamelCasePlugin_maps_a_column_to(string name, string expected) => Identifiers.Camel(name).ShouldBe(expected);
}
