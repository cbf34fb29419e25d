using Strata.Reliability.Tests.Integrity;
using Strata.TestSupport;

namespace Strata.Reliability.Tests;

/// <summary>
/// R16 — directory vs history drift: an applied file deleted, an applied file renamed, a new file below the newest
/// applied version, a history row deleted by hand, a history checksum edited by hand. Each makes <c>validate</c>
/// and <c>migrate</c> exit 2 with its own message before anything runs; out-of-order files run only with
/// <c>--allow-out-of-order</c>, missing files are tolerated only with <c>--ignore-missing</c>. Real <c>strata</c>
/// processes on PostgreSQL and SQLite.
/// </summary>
public sealed class R16_DirectoryHistoryDrift
{
    [Theory]
    [InlineData(Engine.PostgreSql)]
    [InlineData(Engine.Sqlite)]
    public async Task A_deleted_applied_file_exits_2_and_is_tolerated_only_with_ignore_missing(Engine engine)
    {
        await using var scene = await AppliedAsync(engine);
        var kept = scene.Read("002_two.sql");
        scene.Delete("002_two.sql");
        scene.Write("005_five.sql", "CREATE TABLE five (id int);\n");

        await ShouldRefuseAsync(scene, "2_two", "applied, but its file is no longer in the migrations folder", "--ignore-missing");

        var ignoring = await scene.RunAsync("migrate", "--ignore-missing");
        ignoring.ExitCode.ShouldBe(0, ignoring.ToString());
        (await scene.Database.HistoryVersionsAsync()).ShouldBe([1L, 2L, 3L, 5L], "the missing migration stays recorded; the pending one ran");
        scene.WriteBytes("002_two.sql", kept);
        (await scene.RunAsync("validate")).ExitCode.ShouldBe(0, "restoring the file resolves it");
    }

    [Theory]
    [InlineData(Engine.PostgreSql)]
    [InlineData(Engine.Sqlite)]
    public async Task A_renamed_applied_file_exits_2_naming_the_old_and_new_name(Engine engine)
    {
        await using var scene = await AppliedAsync(engine);
        scene.Rename("002_two.sql", "002_second.sql");

        var results = await ShouldRefuseAsync(scene, "migrations/002_second.sql", "file renamed after it was applied", "strata repair");

        results.ShouldAllBe(r => r.Stderr.Contains("'two'", StringComparison.Ordinal), "the name in the history is shown");
        (await scene.RunAsync("migrate", "--ignore-missing")).ExitCode.ShouldBe(2, "a rename is not a missing file");
        scene.Rename("002_second.sql", "002_two.sql");
        (await scene.RunAsync("validate")).ExitCode.ShouldBe(0);
    }

    [Theory]
    [InlineData(Engine.PostgreSql)]
    [InlineData(Engine.Sqlite)]
    public async Task A_new_file_below_the_newest_applied_version_runs_only_with_allow_out_of_order(Engine engine)
    {
        await using var scene = await AppliedAsync(engine, "001_one", "002_two", "004_four");
        scene.Write("003_late.sql", "CREATE TABLE late (id int);\n");

        await ShouldRefuseAsync(scene, "migrations/003_late.sql", "older than the newest applied version 4", "--allow-out-of-order");
        (await scene.Database.TableExistsAsync("late")).ShouldBeFalse();

        var allowed = await scene.RunAsync("migrate", "--allow-out-of-order");
        allowed.ExitCode.ShouldBe(0, allowed.ToString());
        allowed.Stdout.ShouldContain("003_late");
        (await scene.Database.TableExistsAsync("late")).ShouldBeTrue();
        (await scene.Database.HistoryVersionsAsync()).ShouldBe([1L, 2L, 3L, 4L]);
        (await scene.RunAsync("validate")).ExitCode.ShouldBe(0, "once applied it is no longer out of order");
    }

    [Theory]
    [InlineData(Engine.PostgreSql)]
    [InlineData(Engine.Sqlite)]
    public async Task A_history_row_deleted_by_hand_exits_2_and_points_to_mark_applied(Engine engine)
    {
        await using var scene = await AppliedAsync(engine);
        await scene.Database.ExecuteAsync("DELETE FROM strata_migrations WHERE version = 2");

        await ShouldRefuseAsync(scene, "migrations/002_two.sql", "older than the newest applied version 3", "its history row was lost: record it with `strata mark-applied 2`");
        (await scene.Database.HistoryVersionsAsync()).ShouldBe([1L, 3L]);

        var marked = await scene.RunAsync("mark-applied", "2");
        marked.ExitCode.ShouldBe(0, marked.ToString());
        (await scene.RunAsync("validate")).ExitCode.ShouldBe(0, "mark-applied restores the row");
        (await scene.Database.HistoryVersionsAsync()).ShouldBe([1L, 2L, 3L]);
    }

    [Theory]
    [InlineData(Engine.PostgreSql)]
    [InlineData(Engine.Sqlite)]
    public async Task A_history_checksum_edited_by_hand_exits_2_showing_both_checksums(Engine engine)
    {
        await using var scene = await AppliedAsync(engine);
        const string forged = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        await scene.Database.ExecuteAsync($"UPDATE strata_migrations SET checksum = '{forged}' WHERE version = 2");
        var file = Checksums.Of(scene.Read("002_two.sql"));

        var results = await ShouldRefuseAsync(scene, "migrations/002_two.sql", "file edited after it was applied", "strata repair");

        foreach (var result in results)
        {
            Checksums.ShownIn(result.Stderr, forged).ShouldNotBeNull(result.ToString());
            Checksums.ShownIn(result.Stderr, file).ShouldNotBeNull(result.ToString());
        }

        (await scene.RunAsync("migrate", "--ignore-missing", "--allow-out-of-order")).ExitCode.ShouldBe(2, "no flag skips a checksum mismatch");
        (await scene.RunAsync("repair")).ExitCode.ShouldBe(0);
        (await scene.Database.ChecksumAsync(2)).ShouldBe(file, "repair accepts the file's checksum");
        (await scene.RunAsync("validate")).ExitCode.ShouldBe(0);
    }

    /// <summary>A scene with these migrations (default 001–003, each creating a table) applied.</summary>
    private static async Task<Scene> AppliedAsync(Engine engine, params string[] names)
    {
        var scene = await Scene.CreateAsync(engine);
        try
        {
            foreach (var name in names.Length == 0 ? ["001_one", "002_two", "003_three"] : names)
            {
                var table = name[4..];
                scene.Write(name + ".sql", $"CREATE TABLE {table} (id int);\n\n-- strata:down\nDROP TABLE {table};\n");
            }

            var applied = await scene.RunAsync("migrate");
            applied.ExitCode.ShouldBe(0, applied.ToString());
            return scene;
        }
        catch
        {
            await scene.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// validate and migrate (with --json, which also prints the error on stderr) exit 2 naming <paramref name="where"/> with <paramref name="message"/>
    /// and the fix <paramref name="fix"/>, apply nothing and leave the history as it was.
    /// </summary>
    private static async Task<CliResult[]> ShouldRefuseAsync(Scene scene, string where, string message, string fix)
    {
        var history = await scene.Database.HistoryVersionsAsync();
        var results = await Task.WhenAll(scene.RunAsync("validate"), scene.RunAsync("migrate", "--json"));
        foreach (var result in results)
        {
            result.ExitCode.ShouldBe(2, result.ToString());
            result.Stderr.ShouldContain($"{where}: {message}", Case.Sensitive, result.ToString());
            result.Stderr.ShouldContain(fix, Case.Sensitive, result.ToString());
            result.Stdout.ShouldNotContain(" ok ", Case.Sensitive, "nothing ran");
        }

        results[1].Stdout.ShouldContain("\"exitCode\": 2");
        (await scene.Database.HistoryVersionsAsync()).ShouldBe(history);
        return results;
    }
}
