using System.Diagnostics;

namespace Strata.Bench.Scenarios;

/// <summary>
/// The bare server-side copy a cold test-database clone is compared with: <c>CREATE DATABASE … TEMPLATE</c> of a
/// database holding N tables with an index each (built once in set-up and marked as a template that allows no connections, as Strata.Testing does). Each run times the create after an untimed checkpoint; the drop is not timed.
/// </summary>
internal sealed class TemplateCloneScenario(BenchServer server, int size, string scratch) : IScenario
{
    private readonly string _template = $"template_{size}";
    private int _clones;

    public string What => $"CREATE DATABASE … TEMPLATE ({size} tables)";

    public string Tool => "PostgreSQL (bare)";

    public int Size => size;

    public string? NotMeasured => null;

    public async Task SetUpAsync()
    {
        await server.CreateDatabaseAsync(_template).ConfigureAwait(false);
        var folder = Directory.CreateDirectory(Path.Combine(scratch, _template)).FullName;
        var psql = new Tools.PsqlTool(perMigration: false);
        await psql.PrepareAsync(new MigrationSet(size), folder).ConfigureAwait(false);
        await psql.RunAsync(Operation.Apply, new ToolRun(server, _template, new MigrationSet(size), folder, folder)).ConfigureAwait(false);
        Directory.Delete(folder, recursive: true);

        // Marked as Strata.Testing marks its templates, so both rows copy the same kind of database (one that
        // autovacuum leaves alone because it allows no connections).
        await server.ExecuteAsync($"ALTER DATABASE {BenchServer.Quote(_template)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false").ConfigureAwait(false);
    }

    public async Task<TimeSpan> RunOnceAsync()
    {
        var name = $"{_template}_clone_{_clones++}";
        await server.CheckpointAsync().ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        await server.CreateDatabaseAsync(name, _template).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        await server.DropDatabaseAsync(name).ConfigureAwait(false);
        return elapsed;
    }

    public async Task TearDownAsync()
    {
        await server.ExecuteAsync($"ALTER DATABASE {BenchServer.Quote(_template)} WITH IS_TEMPLATE false").ConfigureAwait(false);
        await server.DropDatabaseAsync(_template).ConfigureAwait(false);
    }
}
