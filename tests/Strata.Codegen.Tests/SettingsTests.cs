using System.Text.Json;
using Strata.Errors;

namespace Strata.Codegen.Tests;

/// <summary>strata.json's codegen section: every key read, every mistake named with its key path.</summary>
public sealed class SettingsTests
{
    private static CodegenOptions Read(string json) =>
        CodegenSettings.Read(JsonDocument.Parse(json).RootElement, Dialect.PostgreSql, "strata.json");

    [Fact]
    public void Every_key_of_the_section_is_read()
    {
        var options = Read("""
            {
              "include": ["public.*"], "exclude": ["*_archive"],
              "csharp": { "output": "src/Data", "namespace": "Shop.Data", "naming": "preserve", "files": "table", "timestamptz": "DateTimeOffset", "dapper": true },
              "typescript": { "output": "web/db.ts", "naming": "idiomatic", "bigint": "number", "imports": { "Meta": "./meta" } },
              "types": { "citext": { "csharp": "string", "typescript": "string" } },
              "columns": { "public.orders.meta": { "csharp": "Shop.Meta", "nullable": false } },
              "names": { "public.people": "Person" }
            }
            """);

        options.Include.ShouldBe(["public.*"]);
        options.Exclude.ShouldBe(["*_archive"]);
        options.CSharp.ShouldBe(new CSharpOptions { Output = "src/Data", Namespace = "Shop.Data", Naming = NamingStyle.Preserve, Files = FileLayout.PerTable, TimestampTz = TimestampTzType.DateTimeOffset, Dapper = true });
        options.TypeScript!.Naming.ShouldBe(NamingStyle.Idiomatic);
        options.TypeScript.BigInt.ShouldBe(BigIntMode.Number);
        options.TypeScript.Imports["Meta"].ShouldBe("./meta");
        options.Types["citext"].ShouldBe(new TypeOverride { CSharp = "string", TypeScript = "string" });
        options.Columns["public.orders.meta"].ShouldBe(new ColumnOverride { CSharp = "Shop.Meta", Nullable = false });
        options.Names["public.people"].ShouldBe("Person");
    }

    [Fact]
    public void The_configuration_example_of_docs_codegen_md_is_a_valid_section()
    {
        var docs = File.ReadAllText(Path.Combine(Strata.TestSupport.RepositoryPaths.Root(), "docs", "codegen.md"));
        var block = docs[(docs.IndexOf("```jsonc\n\"codegen\": {", StringComparison.Ordinal) + "```jsonc\n\"codegen\": ".Length)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];

        var options = Read(System.Text.RegularExpressions.Regex.Replace(block, @"\s+//[^\n]*", ""));

        options.CSharp.ShouldNotBeNull().Namespace.ShouldBe("MyApp.Data");
        options.TypeScript.ShouldNotBeNull().Imports.Keys.ShouldContain("OrderMeta");
        options.Columns.Keys.ShouldBe(["public.orders.meta", "public.order_totals.total"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{ "csharp": { "naming": "pascal" } }""", "\"codegen.csharp.naming\" must be \"idiomatic\" or \"preserve\"")]
    [InlineData("""{ "typescript": { "bigint": 8 } }""", "\"codegen.typescript.bigint\" must be \"string\" or \"number\" or \"bigint\"")]
    [InlineData("""{ "csharp": { "dapper": "yes" } }""", "\"codegen.csharp.dapper\" must be true or false")]
    [InlineData("""{ "csharp": {}, "include": "public.*" }""", "\"codegen.include\" must be a list of strings")]
    [InlineData("""{ "csharp": {}, "columns": { "t.c": { "nullible": true } } }""", "unknown key \"codegen.columns.t.c.nullible\"")]
    [InlineData("""{ "csharp": { "namespace": "My App" } }""", "\"codegen.csharp.namespace\" is \"My App\", not a C# namespace")]
    [InlineData("""{ "typescript": { "output": "db.js" } }""", "\"codegen.typescript.output\" must be a .ts file")]
    [InlineData("""{ "csharp": {}, "names": { "public.people": "2People" } }""", "\"codegen.names.public.people\" must be a type name")]
    [InlineData("""{ "include": [] }""", "\"codegen\" asks for no language")]
    [InlineData("""{ "csharp": { "output": "" } }""", "\"codegen.csharp.output\" is empty")]
    public void A_mistake_is_bad_input_naming_the_key(string json, string message)
    {
        var error = Should.Throw<ConfigurationException>(() => Read(json));

        error.Message.ShouldStartWith("strata.json");
        error.Message.ShouldContain(message);
    }
}
