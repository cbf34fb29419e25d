namespace Strata.Bench.Tools;

/// <summary>
/// The <c>strata</c> executable of one build (JIT, ReadyToRun, native AOT) as a user runs it: one process per
/// command, the database from <c>DATABASE_URL</c>, the migrations from <c>--migrations</c>.
/// </summary>
internal sealed class StrataCliTool(string name, string executable, string? unavailable = null) : IMigrationTool
{
    public string Name => name;

    public string? Unavailable => unavailable ?? (File.Exists(executable) ? null : $"not built: {executable} is missing (run bench/run.sh)");

    public string Executable => executable;

    public bool Supports(Operation operation) => true;

    public Task PrepareAsync(MigrationSet set, string folder) => StrataFiles.WriteAsync(set, folder);

    public Task<TimeSpan> RunAsync(Operation operation, ToolRun run)
    {
        var command = operation switch
        {
            Operation.Apply or Operation.Noop => "migrate",
            Operation.Status => "status",
            _ => "rollback",
        };
        return CommandRunner.TimeAsync(
            executable,
            [command, "--migrations", run.MigrationsFolder, "--quiet", "--no-color"],
            run.WorkFolder,
            new Dictionary<string, string> { ["DATABASE_URL"] = run.Url });
    }
}
