using System.Diagnostics;
using System.Globalization;
using Strata.Reliability.Tests.Network;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Reliability.Tests;

/// <summary>
/// R04 Half-open connection. Runner A (in its own network namespace, reaching PostgreSQL over a veth link) holds the
/// migration lock and is inside a long migration when every packet on its link starts being dropped: no FIN, no RST,
/// the server just stops hearing from it. With Strata's session keepalive settings the server must end A's main
/// session (rolling its migration back and, since that session holds the lock, freeing the lock) within the documented bound;
/// runner B, already waiting, then applies everything. When A's link comes back, A must notice that its session is
/// gone and exit 5 without writing history. Needs root for the namespaces (see <see cref="HostTool"/>).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class R04_HalfOpenConnection(ITestOutputHelper output)
{
    /// <summary>
    /// Strata documents "lock free within 45 s" (SessionKeepalive); the spec's bound is 90 s, asserted in the full
    /// size. CI asserts a looser 120 s: under load the bound is not what a regression breaks, the two-hour default is.
    /// </summary>
    private static readonly TimeSpan LockBound = TimeSpan.FromSeconds(ReliabilitySize.Pick(120, 90));

    private const string ApplicationA = "runner-a";

    private const string Sessions = $"""
        SELECT (SELECT count(*) FROM pg_stat_activity WHERE application_name = '{ApplicationA}' AND query LIKE '%pg_sleep%')
            || ',' ||
            (SELECT count(*) FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid
             WHERE l.locktype = 'advisory' AND l.granted AND s.application_name = '{ApplicationA}')
        """;

    [Fact]
    public async Task A_runner_cut_off_mid_migration_loses_its_lock_to_the_next_and_exits_5_without_history()
    {
        using var lab = NetworkLab.Start("R04", clients: 1);
        lab.Psql("postgres", "CREATE DATABASE r04");
        using var workspace = new TempDirectory();
        workspace.WriteFile("migrations/001_slow.sql",
            $"SELECT pg_sleep(CASE WHEN current_setting('application_name') = '{ApplicationA}' THEN 600 ELSE 0 END);\nCREATE TABLE first (id int);\n");
        workspace.WriteFile("migrations/002_second.sql", "CREATE TABLE second (id int);\n");
        string Url(string host, string application) =>
            $"postgres://postgres:{lab.Cluster.Password}@{host}:{lab.Cluster.Port.ToString(CultureInfo.InvariantCulture)}/r04?sslmode=disable&application_name={application}";

        using var a = StrataProcess.StartVia(lab.InClient(1), workspace.Path, Variables(Url(NetworkLab.ServerAddress(1), ApplicationA)), "migrate", "--lock-timeout", "600");
        await WaitForAsync(lab, a, "1,1", "runner A to hold the lock and sleep in 001_slow");
        using var b = StrataProcess.StartVia(lab.InServer, workspace.Path, Variables(Url("127.0.0.1", "runner-b")), "migrate", "--lock-timeout", "600");
        await WaitUntilAsync(() => lab.Psql("r04", "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'runner-b'") != "0", b, "runner B to connect and wait");

        var blockedAt = lab.Psql("r04", "SELECT now()");
        lab.Block(1);
        var (mainGone, lockGone) = await WatchReleaseAsync(lab);
        output.WriteLine($"after the cut: A's migration session gone at {mainGone.TotalSeconds:0} s, A's lock freed at {lockGone.TotalSeconds:0} s");

        lockGone.ShouldBeLessThanOrEqualTo(LockBound, $"the server must free a silent runner's lock within {LockBound.TotalSeconds:0} s");
        mainGone.ShouldBeLessThanOrEqualTo(lockGone, "the server ends A's migration session before it frees A's lock");
        var second = await b.WaitAsync(TimeSpan.FromSeconds(120));
        second.ExitCode.ShouldBe(0, "runner B proceeds once the lock is free\n" + second);

        lab.Unblock(1);
        var unblocked = Stopwatch.StartNew();
        var first = await a.WaitAsync(TimeSpan.FromSeconds(120));
        first.ExitCode.ShouldBe(5, first.ToString());
        first.Stderr.ShouldContain("lost", Case.Sensitive, first.ToString());
        unblocked.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), "A notices its dead session soon after its network is back");
        output.WriteLine($"A exited {unblocked.Elapsed.TotalSeconds:0} s after its network came back:\n{first.Stderr}");

        lab.Psql("r04", "SELECT string_agg(version::text, ',' ORDER BY version) FROM strata_migrations").ShouldBe("1,2");
        lab.Psql("r04", $"SELECT count(*) FROM strata_migrations WHERE applied_at < '{blockedAt}'::timestamptz").ShouldBe("0", "A wrote no history: every row is B's, from after the cut");
        lab.Psql("r04", "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").ShouldBe("0");
        lab.Psql("r04", "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relname IN ('first', 'second')").ShouldBe("first,second");
    }

    private static Dictionary<string, string> Variables(string url) => new() { ["DATABASE_URL"] = url };

    /// <summary>Polls once a second after the cut: when A's sleeping session and A's lock disappeared, from the cut.</summary>
    private static async Task<(TimeSpan MainGone, TimeSpan LockGone)> WatchReleaseAsync(NetworkLab lab)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? mainGone = null;
        while (clock.Elapsed < LockBound + TimeSpan.FromSeconds(60))
        {
            var state = lab.Psql("r04", Sessions);
            var now = clock.Elapsed;
            mainGone ??= state.StartsWith("0,", StringComparison.Ordinal) ? now : null;
            if (state.EndsWith(",0", StringComparison.Ordinal))
            {
                return (mainGone ?? now, now);
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException($"the server still held runner A's lock {clock.Elapsed.TotalSeconds:0} s after its network was cut\n{lab.Cluster.ReadLog()}");
    }

    private static Task WaitForAsync(NetworkLab lab, StrataProcess runner, string state, string what) =>
        WaitUntilAsync(() => lab.Psql("r04", Sessions) == state, runner, what);

    private static async Task WaitUntilAsync(Func<bool> condition, StrataProcess runner, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (runner.HasExited)
            {
                throw new InvalidOperationException($"waiting for {what}, but it exited:\n{await runner.WaitAsync(TimeSpan.FromSeconds(5))}");
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"waited 60 s for {what}");
            }

            await Task.Delay(200);
        }
    }
}
