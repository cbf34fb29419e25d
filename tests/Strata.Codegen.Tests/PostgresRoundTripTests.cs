using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Strata.Codegen.Tests.Support;
using Strata.PostgreSql;
using Strata.Schema;
using Strata.TestSupport;

namespace Strata.Codegen.Tests;

/// <summary>
/// The generated C# for a schema with every PostgreSQL type of the mapping table compiles with warnings as errors,
/// and a row of every type goes in and comes back the same, through Npgsql directly (the insert record's
/// <c>Values()</c> and the row record's <c>Read</c>) and through Dapper.
/// </summary>
public sealed class PostgresRoundTripTests : PostgresTestBase
{
    private const string Namespace = "Gen.AllTypes";

    /// <summary>The user's own files: a JSON payload class, and a member added to a generated partial record.</summary>
    private const string UserCode = """
        namespace Gen.AllTypes;

        /// <summary>The typed JSON of column c_typed_json.</summary>
        /// <param name="Name">A name.</param>
        /// <param name="Count">A count.</param>
        public sealed record Payload(string Name, int Count);

        /// <summary>A member of the user's own, next to the generated ones.</summary>
        public sealed partial record AllTypesRow
        {
            /// <summary>The text, shouted.</summary>
            public string Shout => CText.ToUpperInvariant();
        }
        """;

    [Fact]
    [PostgresMatrix]
    public async Task Every_mapped_type_round_trips_through_Npgsql_and_Dapper()
    {
        var (schema, multiranges) = await CreateAllTypesAsync();
        var output = CodeGenerator.Generate(schema, Options());
        output.Warnings.ShouldHaveSingleItem().ShouldContain("regclass");
        var generated = new Generated(CSharpCompiler.Compile("AllTypes", output.Files, UserCode), Namespace);

        var builder = new NpgsqlDataSourceBuilder(Database.ConnectionString);
        generated.Invoke("DatabaseMapping", "MapDatabaseTypes", builder);
        await using var dataSource = builder.Build();
        var samples = PostgresSamples.For(generated, multiranges);
        var insert = generated.NewInsert("AllTypes", samples.Select(s => KeyValuePair.Create(Identifiers.Pascal(s.Key), s.Value)));
        var types = schema.Table(new QualifiedName("public", "all_types"))!.Columns.ToDictionary(c => c.Name, c => c.Type);

        var viaNpgsql = await InsertWithNpgsqlAsync(dataSource, generated, insert, types);
        Compare(generated, samples, viaNpgsql, "Npgsql");
        Generated.Property(viaNpgsql, "CDefaultText").ShouldBe("x");
        Generated.Property(viaNpgsql, "CDefaultTime").ShouldNotBeNull();
        Generated.Property(viaNpgsql, "CGenerated").ShouldBe(2 * 123456);
        Generated.Property(viaNpgsql, "Shout").ShouldBe("HÉLLO ✓");

        generated.Invoke("DapperTypes", "Register");
        var viaDapper = await InsertWithDapperAsync(dataSource, generated, insert, types);
        Compare(generated, samples, viaDapper, "Dapper");
    }

    [Fact]
    public async Task The_generated_TypeScript_type_checks_strictly_under_a_Kysely_program_that_selects_and_inserts()
    {
        var (schema, _) = await CreateAllTypesAsync();
        var output = CodeGenerator.Generate(schema, new CodegenOptions { TypeScript = new TypeScriptOptions() });

        await TypeScriptChecker.CheckAsync(new Dictionary<string, string>
        {
            ["db.ts"] = output.Files.Single().Content,
            ["program.ts"] = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TypeScript", "postgres_program.ts")),
            ["package.json"] = "{ \"type\": \"module\" }",
        });
    }

    private static CodegenOptions Options() => new()
    {
        CSharp = new CSharpOptions { Namespace = Namespace, Dapper = true },
        Columns = new Dictionary<string, ColumnOverride> { ["public.all_types.c_typed_json"] = new() { CSharp = "Payload" } },
    };

    private async Task<(DatabaseSchema Schema, bool Multiranges)> CreateAllTypesAsync()
    {
        await Database.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "postgres_all_types.sql")));
        var multiranges = Server.VersionNumber >= 140000;
        if (multiranges)
        {
            await Database.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "postgres_multiranges.sql")));
        }

        return (await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None), multiranges);
    }

    private static async Task<object> InsertWithNpgsqlAsync(NpgsqlDataSource dataSource, Generated generated, object insert, Dictionary<string, string> types)
    {
        var values = Generated.Values(insert);
        var columns = string.Join(", ", values.Select(v => '"' + v.Key + '"'));
        var parameters = string.Join(", ", values.Select((v, i) => $"${i + 1}::{types[v.Key]}"));
        await using var command = dataSource.CreateCommand($"INSERT INTO all_types ({columns}) VALUES ({parameters}) RETURNING {Returned(types)}");
        foreach (var (column, value) in values)
        {
            // Npgsql infers most types from the value, not all (oid, pg_lsn, …): name each column's type, as a
            // typed INSERT helper would; regclass has no mapping (it is sent as text and cast).
            var type = Regex.Replace(types[column], @"\([^)]*\)", "").Replace("\"", "", StringComparison.Ordinal);
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, DataTypeName = type == "regclass" ? null : type });
        }

        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return generated.Read("AllTypes", reader);
    }

    private static async Task<object> InsertWithDapperAsync(NpgsqlDataSource dataSource, Generated generated, object insert, Dictionary<string, string> types)
    {
        var values = Generated.Values(insert);
        var columns = string.Join(", ", values.Select(v => '"' + v.Key + '"'));
        // Dapper sends uint as oid (the generated handler): xid and cid take it through text; a bool reaches bit(1) through int.
        var via = new Dictionary<string, string> { ["xid"] = "::text", ["cid"] = "::text", ["bit(1)"] = "::int" };
        var parameters = string.Join(", ", values.Select(v => $"@{Identifiers.Pascal(v.Key)}{via.GetValueOrDefault(types[v.Key])}::{types[v.Key]}"));
        await using var connection = await dataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<long>($"INSERT INTO all_types ({columns}) VALUES ({parameters}) RETURNING id", insert);
        var rows = await connection.QueryAsync(generated.Type("AllTypesRow"), $"SELECT {Returned(types)} FROM all_types WHERE id = @id", new { id });
        return rows.Single()!;
    }

    /// <summary>Every column; regclass, which Npgsql does not read (the generator warns: "cast it"), as text.</summary>
    private static string Returned(Dictionary<string, string> types) =>
        string.Join(", ", types.Select(t => t.Value == "regclass" ? $"\"{t.Key}\"::text AS \"{t.Key}\"" : $"\"{t.Key}\""));

    private static void Compare(Generated generated, Dictionary<string, object?> samples, object row, string via)
    {
        var wrong = samples
            .Select(s => (Column: s.Key, Expected: s.Value, Actual: Generated.Property(row, Identifiers.Pascal(s.Key))))
            .Where(c => !SameValue.Of(c.Expected, c.Actual))
            .Select(c => $"{c.Column}: wrote {SameValue.Show(c.Expected)}, read {SameValue.Show(c.Actual)}")
            .ToList();
        wrong.ShouldBeEmpty($"values that did not round-trip through {via}");
    }
}
