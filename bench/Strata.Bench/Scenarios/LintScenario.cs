namespace Strata.Bench.Scenarios;

/// <summary>
/// <c>strata lint --offline</c> over N migration files (the generated set: a table and an index each), as a process
/// of the shipped native AOT build, start-up included, as squawk's figure is.
/// </summary>
internal sealed class LintScenario(string executable, string? unavailable, int size, string scratch) : IScenario
{
    private string Folder => Path.Combine(scratch, $"lint_{size}");

    public string What => $"static lint of {size:N0} files";

    public string Tool => "strata lint (native AOT)";

    public int Size => size;

    public string? NotMeasured => unavailable ?? (File.Exists(executable) ? null : $"not built: {executable} is missing");

    public Task SetUpAsync() => Tools.StrataFiles.WriteAsync(new MigrationSet(size), Directory.CreateDirectory(Folder).FullName);

    public Task<TimeSpan> RunOnceAsync() =>
        CommandRunner.TimeAsync(executable, ["lint", "--offline", "--migrations", Folder, "--quiet", "--no-color"], Folder);

    public Task TearDownAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
