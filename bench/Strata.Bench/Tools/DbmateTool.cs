namespace Strata.Bench.Tools;

/// <summary>
/// dbmate (its Go binary from the npm package): <c>up</c> applies each migration in its own transaction with its
/// history row; <c>status</c> lists them. It rolls back one migration per process only, so rollback-all is not timed.
/// </summary>
internal sealed class DbmateTool : IMigrationTool
{
    private readonly string? _executable = PathLookup.Find("dbmate");

    public string Name => ToolSet.DbmateName;

    public string? Unavailable => _executable is null ? PathLookup.Missing("dbmate", "npm install dbmate@2.36.0") : null;

    public bool Supports(Operation operation) => operation != Operation.Rollback;

    public async Task PrepareAsync(MigrationSet set, string folder)
    {
        foreach (var number in set.Numbers)
        {
            var text = "-- migrate:up\n" + MigrationSet.Up(number) + "\n-- migrate:down\n" + MigrationSet.Down(number);
            await File.WriteAllTextAsync(Path.Combine(folder, MigrationSet.Version(number) + "_bench.sql"), text).ConfigureAwait(false);
        }
    }

    public Task<TimeSpan> RunAsync(Operation operation, ToolRun run) => CommandRunner.TimeAsync(
        _executable!,
        ["--migrations-dir", run.MigrationsFolder, "--no-dump-schema", operation == Operation.Status ? "status" : "up"],
        run.WorkFolder,
        new Dictionary<string, string> { ["DATABASE_URL"] = run.Url });
}
