namespace Strata.Bench.Scenarios;

/// <summary>
/// squawk (the <c>squawk-cli</c> npm package, a native binary) linting the same N generated migration files as
/// <see cref="LintScenario"/>, start-up included: the peer of the static-lint target. squawk exits 1 when it reports
/// violations (the generated files create indexes without CONCURRENTLY), which counts as a completed run.
/// </summary>
internal sealed class SquawkLintScenario(int size, string scratch) : IScenario
{
    private string Folder => Path.Combine(scratch, $"squawk_{size}");

    public string What => $"static lint of {size:N0} files";

    public string Tool => "squawk";

    public int Size => size;

    public string? NotMeasured => Tools.PathLookup.Find("squawk") is null ? "not installed (bench/run.sh --peers installs squawk-cli from npm)" : null;

    public Task SetUpAsync() => Tools.StrataFiles.WriteAsync(new MigrationSet(size), Directory.CreateDirectory(Folder).FullName);

    public async Task<TimeSpan> RunOnceAsync()
    {
        var files = Directory.GetFiles(Folder, "*.sql").Order(StringComparer.Ordinal);
        var result = await CommandRunner.RunAsync(Tools.PathLookup.Find("squawk")!, files, Folder, allowedExitCodes: [0, 1]).ConfigureAwait(false);
        return result.Elapsed;
    }

    public Task TearDownAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
