using System.Globalization;
using System.Text.RegularExpressions;
using Strata.TestSupport;

namespace Strata.Cli.Tests.Postgres;

/// <summary>Eight <c>strata migrate</c> processes started at once on one PostgreSQL database (reliability R01).</summary>
public sealed partial class PostgresStampedeTests : PostgresCliTest
{
    private const int Processes = 8;
    private const int Migrations = 20;

    [Fact]
    public async Task Eight_processes_at_once_all_exit_0_and_apply_each_migration_exactly_once()
    {
        for (var v = 1; v <= Migrations; v++)
        {
            var sql = $"CREATE TABLE t_{v:000} (id int);\n" + (v % 4 == 0 ? "SELECT pg_sleep(0.05);\n" : "");
            Workspace.Write($"{v:000}_step_{v}.sql", sql);
        }

        var processes = new List<StrataProcess>();
        try
        {
            for (var i = 0; i < Processes; i++)
            {
                var folder = Directory.CreateDirectory(Path.Combine(Workspace.Root, "runner" + i.ToString(CultureInfo.InvariantCulture))).FullName;
                processes.Add(StrataProcess.Start(folder, ProcessVariables($"application_name=runner{i}"), "migrate", "--migrations", Workspace.Migrations));
            }

            var results = await Task.WhenAll(processes.Select(p => p.WaitAsync(TimeSpan.FromSeconds(60))));
            var all = string.Join("\n=====\n", results.Select(r => r.ToString()));

            results.ShouldAllBe(r => r.ExitCode == 0, all);
            foreach (var bad in new[] { "already exists", "duplicate key", "23505", "42P07", "error" })
            {
                all.ShouldNotContain(bad, Case.Insensitive);
            }

            results.ShouldContain(r => r.Stderr.Contains("waiting for the migration lock", StringComparison.Ordinal) || r.Stdout.Contains("up to date", StringComparison.Ordinal), all);
            var applied = results.SelectMany(r => AppliedLine().Matches(r.Stdout).Select(m => m.Groups[1].Value)).ToList();
            applied.Count.ShouldBe(Migrations, "each migration is reported as applied by exactly one process:\n" + all);
            applied.Distinct().Count().ShouldBe(Migrations, all);
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }

        (await Database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations")).ShouldBe(Migrations);
        (await Database.ScalarAsync<long>("SELECT count(DISTINCT version) FROM strata_migrations WHERE state = 'succeeded'")).ShouldBe(Migrations);
        (await Database.ScalarAsync<long>("SELECT min(version) FROM strata_migrations")).ShouldBe(1);
        (await Database.ScalarAsync<long>("SELECT max(version) FROM strata_migrations")).ShouldBe(Migrations);
        (await Database.ListTablesAsync("public")).Count(t => t.StartsWith("t_", StringComparison.Ordinal)).ShouldBe(Migrations);
    }

    /// <summary>A progress line of an applied migration: <c>  ok 007_step_7   12 ms</c>.</summary>
    [GeneratedRegex(@"^\s+ok (\d{3}_step_\d+)\s", RegexOptions.Multiline)]
    private static partial Regex AppliedLine();
}
