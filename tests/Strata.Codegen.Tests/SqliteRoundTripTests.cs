using Dapper;
using Microsoft.Data.Sqlite;
using Strata.Codegen.Tests.Support;
using Strata.Sqlite;

namespace Strata.Codegen.Tests;

/// <summary>
/// SQLite: the generated C# for declared types compiles with warnings as errors and a row round-trips through
/// Microsoft.Data.Sqlite and through Dapper; the TypeScript type-checks under a Kysely program.
/// </summary>
public sealed class SqliteRoundTripTests : IAsyncLifetime, IDisposable
{
    private const string Namespace = "Gen.Sqlite";
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await _connection.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "sqlite_types.sql")));
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task Declared_types_round_trip_through_Microsoft_Data_Sqlite_and_Dapper()
    {
        var schema = await SqliteSchemaIntrospector.ReadAsync(_connection, null, CancellationToken.None);
        var output = CodeGenerator.Generate(schema, new CodegenOptions { Dialect = Dialect.Sqlite, CSharp = new CSharpOptions { Namespace = Namespace, Dapper = true } });
        output.Files.Select(f => f.Path).ShouldBe(["Generated/DapperTypes.g.cs", "Generated/DatabaseMapping.g.cs", "Generated/Main.g.cs"]);
        var generated = new Generated(CSharpCompiler.Compile("Sqlite", output.Files), Namespace);
        var samples = Samples();
        var insert = generated.NewInsert("Items", samples.Select(s => KeyValuePair.Create(Identifiers.Pascal(s.Key), s.Value)));

        var direct = await InsertDirectAsync(generated, insert);
        Compare(samples, direct);
        Generated.Property(direct, "Active").ShouldBe(true);
        Generated.Property(direct, "Doubled").ShouldBe(2 * 12.5);
        Generated.Property(direct, "Id").ShouldBeOfType<long>();

        generated.Invoke("DapperTypes", "Register");
        await _connection.ExecuteAsync("DELETE FROM items");
        var values = Generated.Values(insert);
        var sql = $"INSERT INTO items ({string.Join(", ", values.Select(v => v.Key))}) VALUES ({string.Join(", ", values.Select(v => "@" + Identifiers.Pascal(v.Key)))}) RETURNING id";
        var id = await _connection.ExecuteScalarAsync<long>(sql, insert);
        var viaDapper = (await _connection.QueryAsync(generated.Type("ItemsRow"), "SELECT * FROM items WHERE id = @id", new { id })).Single()!;
        Compare(samples, viaDapper);
    }

    [Fact]
    public async Task The_generated_TypeScript_type_checks_strictly_under_a_Kysely_program()
    {
        var schema = await SqliteSchemaIntrospector.ReadAsync(_connection, null, CancellationToken.None);
        var output = CodeGenerator.Generate(schema, new CodegenOptions { Dialect = Dialect.Sqlite, TypeScript = new TypeScriptOptions() });

        await TypeScriptChecker.CheckAsync(new Dictionary<string, string>
        {
            ["db.ts"] = output.Files.Single().Content,
            ["program.ts"] = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TypeScript", "sqlite_program.ts")),
            ["package.json"] = "{ \"type\": \"module\" }",
        });
    }

    private static Dictionary<string, object?> Samples() => new(StringComparer.Ordinal)
    {
        ["name"] = "widget",
        ["code"] = "W-1",
        ["price"] = 12.5m,
        ["ratio"] = 0.25,
        ["weight"] = 3.5,
        ["born"] = new DateOnly(2020, 2, 29),
        ["seen"] = new DateTime(2024, 1, 2, 3, 4, 5),
        ["opens"] = new TimeOnly(8, 30),
        ["token"] = Guid.Parse("0b4f0ce7-44b5-4b0a-9d1f-7d3f8b7b7a03"),
        ["data"] = new byte[] { 1, 2, 3 },
        ["meta"] = "{\"a\":1}",
        ["amount"] = 7m,
        ["big"] = 9_007_199_254_740_993L,
        ["anything"] = "free",
    };

    private async Task<object> InsertDirectAsync(Generated generated, object insert)
    {
        var values = Generated.Values(insert);
        await using var command = _connection.CreateCommand();
        command.CommandText = $"INSERT INTO items ({string.Join(", ", values.Select(v => v.Key))}) VALUES ({string.Join(", ", values.Select((_, i) => "$p" + i))}) RETURNING *";
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters.AddWithValue("$p" + i, values[i].Value ?? DBNull.Value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return generated.Read("Items", reader);
    }

    private static void Compare(Dictionary<string, object?> samples, object row)
    {
        var wrong = samples
            .Select(s => (Column: s.Key, Expected: s.Value, Actual: Generated.Property(row, Identifiers.Pascal(s.Key))))
            .Where(c => !SameValue.Of(c.Expected, c.Actual))
            .Select(c => $"{c.Column}: wrote {SameValue.Show(c.Expected)}, read {SameValue.Show(c.Actual)}")
            .ToList();
        wrong.ShouldBeEmpty();
    }
}
