using System.Globalization;
using System.Text;

namespace Strata.Bench.Tools;

/// <summary>
/// The physical limit: <c>psql</c> running one script, either one transaction per migration with a tracking insert
/// (what any migration tool must at least do) or one transaction for all. The no-op and status read the tracking
/// table once; the rollback drops each table and deletes its tracking row the same way.
/// </summary>
internal sealed class PsqlTool(bool perMigration) : IMigrationTool
{
    private const string Tracking = "psql_migrations";

    public string Name => perMigration ? "psql, one transaction per migration" : "psql, one transaction for all";

    public string? Unavailable => null;

    public bool Supports(Operation operation) => true;

    public async Task PrepareAsync(MigrationSet set, string folder)
    {
        var up = new StringBuilder($"CREATE TABLE IF NOT EXISTS {Tracking} (version bigint PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());\n");
        var down = new StringBuilder();
        foreach (var number in set.Numbers)
        {
            up.Append(Wrap(MigrationSet.Up(number) + $"INSERT INTO {Tracking} (version) VALUES ({Version(number)});\n"));
        }

        foreach (var number in set.Numbers.Reverse())
        {
            down.Append(Wrap(MigrationSet.Down(number) + $"DELETE FROM {Tracking} WHERE version = {Version(number)};\n"));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "up.sql"), up.ToString()).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "down.sql"), down.ToString()).ConfigureAwait(false);
    }

    public Task<TimeSpan> RunAsync(Operation operation, ToolRun run)
    {
        string[] arguments = operation switch
        {
            Operation.Apply => Script(run, "up.sql"),
            Operation.Rollback => Script(run, "down.sql"),
            _ => ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-o", "/dev/null", "-c", $"SELECT version FROM {Tracking} ORDER BY version"],
        };
        return CommandRunner.TimeAsync("psql", arguments, run.WorkFolder, run.Server.LibpqEnvironment(run.Database));
    }

    private string[] Script(ToolRun run, string file) =>
        perMigration
            ? ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", Path.Combine(run.MigrationsFolder, file)]
            : ["-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f", Path.Combine(run.MigrationsFolder, file)];

    private string Wrap(string body) => perMigration ? "BEGIN;\n" + body + "COMMIT;\n" : body;

    private static string Version(int number) => number.ToString(CultureInfo.InvariantCulture);
}
