namespace Strata.Bench.Scenarios;

/// <summary>
/// Start-up of one <c>strata</c> build: the wall-clock time of <c>strata --version</c>, or of a no-op
/// <c>strata migrate</c> against a database where a small set is already applied (set up once by this scenario).
/// </summary>
internal sealed class StartupScenario(BenchServer server, string id, string build, string executable, string? unavailable, bool noopMigrate, string scratch) : IScenario
{
    private const int Applied = 10;
    private readonly string _database = "startup_" + id + (noopMigrate ? "_migrate" : "_version");
    private string Folder => Path.Combine(scratch, _database);

    public string What => noopMigrate ? $"start-up: no-op migrate ({Applied} applied)" : "start-up: strata --version";

    public string Tool => build;

    public int Size => noopMigrate ? Applied : 0;

    public string? NotMeasured => unavailable ?? (File.Exists(executable) ? null : $"not built: {executable} is missing");

    public async Task SetUpAsync()
    {
        if (!noopMigrate)
        {
            Directory.CreateDirectory(Folder);
            return;
        }

        await server.CreateDatabaseAsync(_database).ConfigureAwait(false);
        await Tools.StrataFiles.WriteAsync(new MigrationSet(Applied), Directory.CreateDirectory(Folder).FullName).ConfigureAwait(false);
        await RunOnceAsync().ConfigureAwait(false);
    }

    public Task<TimeSpan> RunOnceAsync() => noopMigrate
        ? CommandRunner.TimeAsync(executable, ["migrate", "--migrations", Folder, "--quiet", "--no-color"], Folder,
            new Dictionary<string, string> { ["DATABASE_URL"] = server.Url(_database) })
        : CommandRunner.TimeAsync(executable, ["--version"], Folder);

    public async Task TearDownAsync()
    {
        if (noopMigrate)
        {
            await server.DropDatabaseAsync(_database).ConfigureAwait(false);
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
