using System.Globalization;

namespace Strata.Bench.Scenarios;

/// <summary>
/// A fleet of <c>databases</c> PostgreSQL databases and ten migrations: one <c>strata migrate --targets … --parallel 8</c>
/// against the baseline users have today, a shell loop of <c>strata migrate --database "$url"</c> (one process per
/// database, one after another). The four fleet rows of one size share one set of databases, created once (creating
/// and dropping 1,000 databases per run took longer than the runs: DROP DATABASE waits for a checkpoint). Apply: every
/// timed run starts from empty databases (their public schema dropped and created again, untimed). No-op: everything is
/// applied once in set-up, each run finds nothing to do. Native AOT build (the shipped one).
/// </summary>
internal sealed class FleetScenario(BenchServer server, int databases, bool noop, bool loop, string executable, string? unavailable, string scratch) : IScenario
{
    public const int Parallel = 8;
    private const int Migrations = 10;
    private readonly string _prefix = $"fleet_{databases}";

    private string Folder => Path.Combine(scratch, $"{_prefix}_{(noop ? "noop" : "apply")}_{(loop ? "loop" : "run")}");

    public static string WhatOf(int databases, bool noop) =>
        noop ? $"fleet of {databases} databases: no-op migrate (all applied)" : $"fleet of {databases} databases: apply {Migrations} migrations";

    public string What => WhatOf(databases, noop);

    public string Tool => loop ? "shell loop of strata migrate (sequential)" : $"strata migrate --targets --parallel {Parallel}";

    public int Size => databases;

    public string? NotMeasured => unavailable ?? (File.Exists(executable) ? null : $"not built: {executable} is missing");

    public async Task SetUpAsync()
    {
        var folder = Directory.CreateDirectory(Folder).FullName;
        await Tools.StrataFiles.WriteAsync(new MigrationSet(Migrations), Directory.CreateDirectory(Path.Combine(folder, "migrations")).FullName).ConfigureAwait(false);
        await File.WriteAllLinesAsync(Path.Combine(folder, "tenants.txt"), Names().Select(server.Url)).ConfigureAwait(false);
        await CreateMissingAsync().ConfigureAwait(false);
        await EmptyAllAsync().ConfigureAwait(false);
        if (noop)
        {
            await RunAsync().ConfigureAwait(false);
        }
    }

    public async Task<TimeSpan> RunOnceAsync()
    {
        if (!noop)
        {
            await EmptyAllAsync().ConfigureAwait(false);
            await server.CheckpointAsync().ConfigureAwait(false);
        }

        return await RunAsync().ConfigureAwait(false);
    }

    /// <summary>Leaves the databases for the next fleet row; the throwaway server goes with them at the end.</summary>
    public Task TearDownAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private Task<TimeSpan> RunAsync() => loop
        ? CommandRunner.TimeAsync("/bin/sh", ["-c", $"while read -r url; do \"$0\" migrate --database \"$url\" --quiet --no-color || exit 1; done < tenants.txt", executable], Folder)
        : CommandRunner.TimeAsync(executable, ["migrate", "--targets", "tenants.txt", "--parallel", Parallel.ToString(CultureInfo.InvariantCulture), "--quiet", "--no-color"], Folder,
            new Dictionary<string, string> { ["DATABASE_URL"] = server.Url("postgres") });

    private IEnumerable<string> Names() => Enumerable.Range(1, databases).Select(i => $"{_prefix}_{i.ToString(CultureInfo.InvariantCulture)}");

    private async Task CreateMissingAsync()
    {
        var existing = ((string[])(await server.ScalarAsync($"SELECT coalesce(array_agg(datname::text), '{{}}') FROM pg_database WHERE datname LIKE '{_prefix}\\_%'").ConfigureAwait(false))!)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in Names().Where(n => !existing.Contains(n)))
        {
            await server.CreateDatabaseAsync(name).ConfigureAwait(false);
        }
    }

    /// <summary>Every database back to empty (its public schema, where the migrations and Strata's history go), eight at a time.</summary>
    private Task EmptyAllAsync() => System.Threading.Tasks.Parallel.ForEachAsync(
        Names(),
        new ParallelOptions { MaxDegreeOfParallelism = Parallel },
        async (name, _) => await server.ScalarAsync("DROP SCHEMA public CASCADE; CREATE SCHEMA public; SELECT 1", name).ConfigureAwait(false));
}
