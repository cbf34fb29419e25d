using Strata.Codegen.Model;

namespace Strata.Codegen.Tests;

/// <summary>Reading type names and constraint definitions as the introspectors print them.</summary>
public sealed class ParsingTests
{
    [Theory]
    [InlineData("character varying(80)", null, "character varying", "80", false)]
    [InlineData("timestamp(3) with time zone[]", null, "timestamp with time zone", "3", true)]
    [InlineData("numeric(12,2)", null, "numeric", "12,2", false)]
    [InlineData("app.\"Order Status\"[]", "app", "Order Status", null, true)]
    [InlineData("\"char\"", null, "\"char\"", null, false)]
    public void A_printed_type_splits_into_schema_name_modifiers_and_array(string text, string? schema, string name, string? modifiers, bool array)
    {
        var type = PgTypeName.Parse(text);

        (type.Qualified.Schema, type.Name, type.Modifiers, type.IsArray).ShouldBe((schema, name, modifiers, array));
    }

    [Fact]
    public void Key_definitions_give_their_columns_and_a_foreign_key_its_referenced_columns()
    {
        DefinitionText.ColumnsAfter("PRIMARY KEY (id, \"Tenant\")", "PRIMARY KEY").ShouldBe(["id", "Tenant"]);
        DefinitionText.ColumnsAfter("UNIQUE NULLS NOT DISTINCT (email)", "UNIQUE").ShouldBe(["email"]);
        DefinitionText.ReferencedColumns("FOREIGN KEY (a, b) REFERENCES app.\"Other\"(x, y) ON DELETE CASCADE").ShouldBe(["x", "y"]);
        DefinitionText.ReferencedColumns("FOREIGN KEY (\"a\") REFERENCES \"t\" (\"x\")").ShouldBe(["x"]);
        DefinitionText.ReferencedColumns("FOREIGN KEY (\"a\") REFERENCES \"t\" ON DELETE CASCADE").ShouldBeEmpty();
    }

    [Fact]
    public void Enum_labels_are_read_from_their_literals()
    {
        DefinitionText.Literals("'new', 'it''s', E'back\\\\slash', ''").ShouldBe(["new", "it's", "back\\slash", ""]);
    }

    [Theory]
    [InlineData("text CHECK (VALUE ~~ '%@%'::text)", "text")]
    [InlineData("character varying(80) COLLATE \"C\" DEFAULT 'x'::character varying NOT NULL", "character varying(80)")]
    [InlineData("integer[] NOT NULL", "integer[]")]
    public void A_domain_definition_starts_with_its_base_type(string definition, string expected) => DefinitionText.DomainBase(definition).ShouldBe(expected);

    [Theory]
    [InlineData("INTEGER", "long", "number")]
    [InlineData("BIGINT", "long", "number")]
    [InlineData("VARCHAR(20)", "string", "string")]
    [InlineData("BOOLEAN", "bool", "number")]
    [InlineData("DATETIME", "DateTime", "string")]
    [InlineData("DECIMAL(10,2)", "decimal", "number")]
    [InlineData("DOUBLE PRECISION", "double", "number")]
    [InlineData("BLOB", "[]", "Buffer")]
    [InlineData("", "object", "unknown")]
    [InlineData("STRING", "decimal", "number")]
    public void SQLite_declared_types_map_by_name_then_by_affinity(string declared, string csharp, string typescript)
    {
        var (cs, ts) = SqliteTypes.Map(declared);

        (cs.Name, ts.Text).ShouldBe((csharp, typescript));
    }
}
