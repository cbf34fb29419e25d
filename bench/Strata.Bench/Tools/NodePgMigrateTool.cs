using System.Globalization;

namespace Strata.Bench.Tools;

/// <summary>
/// node-pg-migrate with SQL migration files, one transaction per migration (<c>--no-single-transaction</c>, as the
/// other tools do); <c>down N</c> rolls all back. It has no status command.
/// </summary>
internal sealed class NodePgMigrateTool : IMigrationTool
{
    private readonly string? _executable = PathLookup.Find("node-pg-migrate");

    public string Name => "node-pg-migrate 9.0.0";

    public string? Unavailable => _executable is null ? PathLookup.Missing("node-pg-migrate", "npm install node-pg-migrate@9.0.0 pg") : null;

    public bool Supports(Operation operation) => operation != Operation.Status;

    public async Task PrepareAsync(MigrationSet set, string folder)
    {
        foreach (var number in set.Numbers)
        {
            var text = "-- Up Migration\n" + MigrationSet.Up(number) + "\n-- Down Migration\n" + MigrationSet.Down(number);
            await File.WriteAllTextAsync(Path.Combine(folder, MigrationSet.Version(number) + "_bench.sql"), text).ConfigureAwait(false);
        }
    }

    public Task<TimeSpan> RunAsync(Operation operation, ToolRun run)
    {
        string[] command = operation == Operation.Rollback
            ? ["down", run.Set.Size.ToString(CultureInfo.InvariantCulture)]
            : ["up"];
        return CommandRunner.TimeAsync(
            _executable!,
            [.. command, "--migrations-dir", run.MigrationsFolder, "--no-single-transaction", "--no-verbose"],
            run.WorkFolder,
            new Dictionary<string, string> { ["DATABASE_URL"] = run.Url });
    }
}
