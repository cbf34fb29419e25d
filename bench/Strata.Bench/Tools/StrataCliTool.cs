namespace Strata.Bench.Tools;

/// <summary>
/// The <c>strata</c> executable of one build (native AOT, JIT) as a user runs it: one process per
/// command, the database from <c>DATABASE_URL</c>, the migrations from <c>--migrations</c>.
/// </summary>
internal sealed class StrataCliTool(string name, string executable, string? unavailable = null) : IMigrationTool
{
    public string Name => name;

    public string? Unavailable => unavailable ?? (File.Exists(executable) ? null : $"not built: {executable} is missing (run bench/run.sh)");

    public string Executable => executable;

    public bool Supports(Operation operation) => true;

    public Task PrepareAsync(MigrationSet set, string folder) => StrataFiles.WriteAsync(set, folder);

    public long? LastPeakRss { get; private set; }

    /// <summary>Runs one command; applying runs under GNU time to report the CLI's peak memory (issue 15).</summary>
    public async Task<TimeSpan> RunAsync(Operation operation, ToolRun run)
    {
        var command = operation switch
        {
            Operation.Apply or Operation.Noop => "migrate",
            Operation.Status => "status",
            _ => "rollback",
        };
        var result = await CommandRunner.RunAsync(
            executable,
            [command, "--migrations", run.MigrationsFolder, "--quiet", "--no-color"],
            run.WorkFolder,
            new Dictionary<string, string> { ["DATABASE_URL"] = run.Url },
            measureMemory: operation == Operation.Apply).ConfigureAwait(false);
        LastPeakRss = result.PeakRssKilobytes;
        return result.Elapsed;
    }
}
