using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests.Fleet;

/// <summary>
/// Issue 21's "done when": <c>strata migrate --targets … --parallel 8</c> over 200 PostgreSQL databases (and over 200
/// schemas of one database) is SIGKILLed once part of the fleet is done, then <c>--resume</c> finishes it: every target
/// ends at the head with each migration applied exactly once (a migration's own insert into <c>applied_log</c> proves it),
/// and the targets the ledger recorded as done before the kill are not run again.
/// </summary>
public sealed class FleetKillResumeTests(ITestOutputHelper output) : PostgresTestBase
{
    private const int Targets = 200;
    private const int KillAfter = 60;

    [Fact]
    public async Task Two_hundred_databases_killed_mid_run_and_resumed_end_with_every_migration_applied_once()
    {
        using var work = new TempDirectory();
        Migrations(work.Path);
        var clock = Stopwatch.StartNew();
        var tenants = new List<TestDatabase>();
        try
        {
            for (var i = 0; i < Targets; i += 4)
            {
                tenants.AddRange(await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Server.CreateDatabaseAsync())));
            }

            File.WriteAllLines(Path.Combine(work.Path, "tenants.txt"), tenants.Select(t => PostgresUrl.From(t.ConnectionString)));
            output.WriteLine($"{Targets} databases created in {clock.Elapsed.TotalSeconds:0.0} s");

            await KillAndResumeAsync(work.Path, new Dictionary<string, string>(StringComparer.Ordinal), "--targets", "tenants.txt");

            foreach (var tenant in tenants)
            {
                (await HeadAndLogAsync(tenant.ConnectionString)).ShouldBe("1,2,3|001,002,003", tenant.Name);
            }
        }
        finally
        {
            foreach (var tenant in tenants)
            {
                await tenant.DisposeAsync();
            }
        }

        output.WriteLine($"whole test {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Two_hundred_schemas_of_one_database_killed_mid_run_and_resumed_end_with_every_migration_applied_once()
    {
        using var work = new TempDirectory();
        Migrations(work.Path);
        var schemas = Enumerable.Range(1, Targets).Select(i => $"tenant_{i:000}").ToList();
        File.WriteAllLines(Path.Combine(work.Path, "schemas.txt"), schemas);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["DATABASE_URL"] = PostgresUrl.From(Database.ConnectionString) };

        await KillAndResumeAsync(work.Path, variables, "--targets", "schemas.txt", "--schemas");

        var history = await Database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_namespace n WHERE n.nspname LIKE 'tenant\\_%' AND to_regclass(quote_ident(n.nspname) || '.strata_migrations') IS NOT NULL");
        history.ShouldBe(Targets);
        foreach (var schema in schemas)
        {
            (await Database.ScalarAsync<string>($"SELECT string_agg(version::text, ',' ORDER BY version) FROM {schema}.strata_migrations")).ShouldBe("1,2,3", schema);
            (await Database.ScalarAsync<string>($"SELECT string_agg(migration, ',' ORDER BY migration) FROM {schema}.applied_log")).ShouldBe("001,002,003", schema);
        }

        (await Database.ScalarAsync<bool>("SELECT to_regclass('public.applied_log') IS NULL")).ShouldBeTrue("nothing lands outside the tenants' schemas");
    }

    /// <summary>Three transactional migrations, each recording itself once in <c>applied_log</c>; a short sleep widens the window a kill can land in.</summary>
    private static void Migrations(string root)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "migrations")).FullName;
        File.WriteAllText(Path.Combine(folder, "001_orders.sql"), "CREATE TABLE orders (id serial PRIMARY KEY, total numeric);\nCREATE TABLE applied_log (migration text NOT NULL);\nINSERT INTO applied_log VALUES ('001');\n");
        File.WriteAllText(Path.Combine(folder, "002_index.sql"), "SELECT pg_sleep(0.01);\nCREATE INDEX orders_total ON orders (total);\nINSERT INTO applied_log VALUES ('002');\n");
        File.WriteAllText(Path.Combine(folder, "003_note.sql"), "ALTER TABLE orders ADD COLUMN note text;\nINSERT INTO applied_log VALUES ('003');\nSELECT pg_sleep(0.01);\n");
    }

    /// <summary>
    /// Runs the fleet at --parallel 8, SIGKILLs it once the ledger shows <see cref="KillAfter"/> targets done, checks the
    /// kill landed mid-run, then resumes it and checks the resumed run touched only the targets not recorded as done.
    /// </summary>
    private async Task KillAndResumeAsync(string root, Dictionary<string, string> variables, params string[] targets)
    {
        var runs = Path.Combine(root, ".strata", "runs");
        var clock = Stopwatch.StartNew();
        using (var run = StrataProcess.Start(root, variables, ["migrate", .. targets, "--parallel", "8", "--on-error", "continue"]))
        {
            while (!run.HasExited && Succeeded(runs) < KillAfter)
            {
                clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(3), "the fleet run never got going");
                await Task.Delay(20);
            }

            run.HasExited.ShouldBeFalse("the run must still be going when it is killed");
            run.Kill();
        }

        var ledger = Directory.GetFiles(runs, "*.jsonl").ShouldHaveSingleItem();
        var doneAtKill = Succeeded(runs);
        output.WriteLine($"killed after {clock.Elapsed.TotalSeconds:0.0} s with {doneAtKill} of {Targets} targets recorded as done");
        doneAtKill.ShouldBeLessThan(Targets);

        var runId = Path.GetFileNameWithoutExtension(ledger);
        using var resume = StrataProcess.Start(root, variables, ["migrate", .. targets, "--parallel", "8", "--resume", runId, "--json"]);
        var resumed = await resume.WaitAsync(TimeSpan.FromMinutes(3));
        output.WriteLine($"resumed in {resume.Elapsed.TotalSeconds:0.0} s");

        resumed.ExitCode.ShouldBe(0, resumed.ToString());
        using var json = JsonDocument.Parse(resumed.Stdout);
        var outcomes = json.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("outcome").GetString()).ToList();
        outcomes.Count.ShouldBe(Targets);
        outcomes.Count(o => o == "done earlier").ShouldBe(doneAtKill, "exactly the targets the ledger recorded as done are not run again");
        outcomes.ShouldAllBe(o => o == "done earlier" || o == "migrated" || o == "up to date");
        Succeeded(runs).ShouldBe(Targets, "the resumed run appends to the same ledger");
    }

    /// <summary>Versions in the history and the log of applied migrations, through an unpooled connection (200 pools would exhaust the server).</summary>
    private static async Task<string?> HeadAndLogAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT string_agg(version::text, ',' ORDER BY version) FROM strata_migrations) || '|' || (SELECT string_agg(migration, ',' ORDER BY migration) FROM applied_log)", connection);
        return (string?)await command.ExecuteScalarAsync();
    }

    private static int Succeeded(string runs) =>
        !Directory.Exists(runs) ? 0 : Directory.GetFiles(runs, "*.jsonl").Sum(file => ReadShared(file).Count(l => l.Contains("\"event\":\"succeeded\"", StringComparison.Ordinal)));

    private static List<string> ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
