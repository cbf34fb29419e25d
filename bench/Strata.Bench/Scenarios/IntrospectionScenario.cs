using System.Diagnostics;
using Strata.PostgreSql;

namespace Strata.Bench.Scenarios;

/// <summary>
/// The schema engine reading a database of N tables (each with a primary key and an index, built once by psql):
/// <see cref="PostgreSqlSchemaIntrospector.ReadAsync(string, Schema.SchemaFilter?, CancellationToken)"/>, in-process.
/// </summary>
internal sealed class IntrospectionScenario(BenchServer server, int size, string scratch) : IScenario
{
    private readonly string _database = $"introspect_{size}";

    public string What => $"introspection of a {size:N0}-table schema";

    public string Tool => "Strata schema engine (in-process)";

    public int Size => size;

    public string? NotMeasured => null;

    public async Task SetUpAsync()
    {
        await server.CreateDatabaseAsync(_database).ConfigureAwait(false);
        var folder = Directory.CreateDirectory(Path.Combine(scratch, _database)).FullName;
        var psql = new Tools.PsqlTool(perMigration: false);
        await psql.PrepareAsync(new MigrationSet(size), folder).ConfigureAwait(false);
        await psql.RunAsync(Operation.Apply, new ToolRun(server, _database, new MigrationSet(size), folder, folder)).ConfigureAwait(false);
        Directory.Delete(folder, recursive: true);
    }

    public async Task<TimeSpan> RunOnceAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var schema = await PostgreSqlSchemaIntrospector.ReadAsync(server.ConnectionString(_database), null, CancellationToken.None).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        if (schema.Tables.Count < size)
        {
            throw new InvalidOperationException($"introspection found {schema.Tables.Count} tables, expected {size}");
        }

        return elapsed;
    }

    public Task TearDownAsync() => server.DropDatabaseAsync(_database);
}
