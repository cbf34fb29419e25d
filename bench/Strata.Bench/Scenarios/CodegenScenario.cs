using System.Diagnostics;
using System.Text;
using Npgsql;
using Strata.Codegen;
using Strata.PostgreSql;
using Strata.Schema;

namespace Strata.Bench.Scenarios;

/// <summary>
/// <c>strata codegen</c>'s own work for a schema of N tables (eight columns of mixed types, an enum, a foreign key
/// and a comment each; read once from the server): <see cref="CodeGenerator.Generate"/> of C# (with Dapper handlers)
/// and TypeScript, and <see cref="CodegenFiles.WriteAsync"/> of every file into an empty folder, in-process.
/// The schema's source (migrations replayed, or introspection: its own row) is not part of it.
/// </summary>
internal sealed class CodegenScenario(BenchServer server, int size, string scratch) : IScenario
{
    private static readonly CodegenOptions Options = new()
    {
        CSharp = new CSharpOptions { Namespace = "Bench.Data", Dapper = true },
        TypeScript = new TypeScriptOptions(),
    };

    private readonly string _database = $"codegen_{size}";
    private DatabaseSchema _schema = DatabaseSchema.Empty;
    private int _run;

    public string What => $"codegen of a {size:N0}-table schema";

    public string Tool => "Strata.Codegen (C# and TypeScript, in-process)";

    public int Size => size;

    public string? NotMeasured => null;

    public async Task SetUpAsync()
    {
        await server.CreateDatabaseAsync(_database).ConfigureAwait(false);
        var dataSource = NpgsqlDataSource.Create(server.ConnectionString(_database));
        await using (dataSource.ConfigureAwait(false))
        {
            await using var create = dataSource.CreateCommand(Ddl(size));
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
            _schema = await PostgreSqlSchemaIntrospector.ReadAsync(dataSource, null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async Task<TimeSpan> RunOnceAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(scratch, $"codegen_{size}_{_run++}")).FullName;
        var stopwatch = Stopwatch.StartNew();
        var output = CodeGenerator.Generate(_schema, Options);
        var written = await CodegenFiles.WriteAsync(output, folder, CancellationToken.None).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        Directory.Delete(folder, recursive: true);
        if (written.Count != output.Files.Count || !output.Files.Any(f => f.Content.Contains($"interface T{size:D5}", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"codegen wrote {written.Count} of {output.Files.Count} files, or missed table t{size:D5}");
        }

        return elapsed;
    }

    public Task TearDownAsync() => server.DropDatabaseAsync(_database);

    /// <summary>N tables of eight mixed columns, an enum, a foreign key to the previous table and a comment each.</summary>
    internal static string Ddl(int tables)
    {
        var sql = new StringBuilder("CREATE TYPE state AS ENUM ('new', 'active', 'closed');\n");
        for (var i = 1; i <= tables; i++)
        {
            var parent = i == 1 ? "" : $", parent_id bigint REFERENCES t{i - 1:D5} (id)";
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                CREATE TABLE t{i:D5} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, state state NOT NULL DEFAULT 'new',
                    amount numeric(12,2), created_at timestamptz NOT NULL DEFAULT now(), payload jsonb, tags text[]{parent});
                COMMENT ON TABLE t{i:D5} IS 'Table number {i}.';

                """);
        }

        return sql.ToString();
    }
}
