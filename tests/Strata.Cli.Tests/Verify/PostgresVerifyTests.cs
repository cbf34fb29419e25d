using Strata.Cli.Tests.Postgres;

namespace Strata.Cli.Tests.Verify;

/// <summary><c>strata verify</c> on PostgreSQL: round trips on a temporary database of the same server, which is dropped afterwards.</summary>
public sealed class PostgresVerifyTests : PostgresCliTest
{
    [Fact]
    public async Task A_correct_set_passes_and_a_wrong_down_is_pinpointed_leaving_no_scratch_database()
    {
        VerifyCases.Correct(Workspace);

        var passing = await Cli().RunAsync("verify");

        passing.ExitCode.ShouldBe(0, passing.ToString());
        passing.Stdout.ShouldContain("002_index  up, down, up: schema restored");
        (await HistoryRowsAsync()).ShouldBe(-1, "the configured database is never migrated by verify");

        Workspace.Write("004_age.sql", VerifyCases.WrongDown);
        var failing = await Cli().RunAsync("verify");

        failing.ExitCode.ShouldBe(3, failing.ToString());
        failing.Stderr.ShouldContain("004_age.sql (004_age): its down script does not restore the schema it started from");
        failing.Stderr.ShouldContain("notes");
        await ShouldLeaveNoScratchDatabaseAsync();
    }
}
