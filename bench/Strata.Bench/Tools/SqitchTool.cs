using System.Text;

namespace Strata.Bench.Tools;

/// <summary>
/// sqitch (Debian's package) with a generated plan: each deploy and revert script is its own transaction, as
/// sqitch's templates write them; <c>deploy</c>, <c>status</c> and <c>revert -y</c> against a <c>db:pg:</c> target
/// whose password comes from <c>PGPASSWORD</c>.
/// </summary>
internal sealed class SqitchTool : IMigrationTool
{
    private readonly string? _executable = PathLookup.Find("sqitch");

    public string Name => "sqitch (Debian)";

    public string? Unavailable => _executable is null ? PathLookup.Missing("sqitch", "apt-get install sqitch libdbd-pg-perl") : null;

    public bool Supports(Operation operation) => true;

    /// <summary>About 50 ms per change and direction (a Perl process per run, a registry round trip per change): one timed run from 1,000 on.</summary>
    public int TimedRuns(int size, int requested) => size >= 1000 ? 1 : requested;

    public async Task PrepareAsync(MigrationSet set, string folder)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "sqitch.conf"), "[core]\n\tengine = pg\n\tplan_file = sqitch.plan\n\ttop_dir = .\n").ConfigureAwait(false);
        var plan = new StringBuilder("%syntax-version=1.0.0\n%project=bench\n\n");
        Directory.CreateDirectory(Path.Combine(folder, "deploy"));
        Directory.CreateDirectory(Path.Combine(folder, "revert"));
        foreach (var number in set.Numbers)
        {
            var change = "m" + MigrationSet.Version(number);
            plan.Append(change).Append(" 2026-01-01T00:00:00Z Bench <bench@localhost> # bench\n");
            await File.WriteAllTextAsync(Path.Combine(folder, "deploy", change + ".sql"), "BEGIN;\n" + MigrationSet.Up(number) + "COMMIT;\n").ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(folder, "revert", change + ".sql"), "BEGIN;\n" + MigrationSet.Down(number) + "COMMIT;\n").ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "sqitch.plan"), plan.ToString()).ConfigureAwait(false);
    }

    public Task<TimeSpan> RunAsync(Operation operation, ToolRun run)
    {
        var target = $"db:pg://{BenchServer.User}@127.0.0.1:{run.Server.Port}/{run.Database}";
        string[] command = operation switch
        {
            Operation.Status => ["status", target],
            Operation.Rollback => ["revert", "-y", target],
            _ => ["deploy", target],
        };
        var environment = new Dictionary<string, string>(run.Server.LibpqEnvironment(run.Database))
        {
            ["SQITCH_FULLNAME"] = "Strata bench",
            ["SQITCH_EMAIL"] = "bench@localhost",
            ["SQITCH_CONFIG"] = Path.Combine(run.MigrationsFolder, "sqitch.conf"),
        };
        return CommandRunner.TimeAsync(_executable!, ["--chdir", run.MigrationsFolder, .. command], run.WorkFolder, environment);
    }
}
