using Npgsql;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Schema;

/// <summary>
/// The kept scratch database reused as it is when it already holds what the command's schema files give (ADR 024):
/// same content key, same server facts; anything else empties it as before.
/// </summary>
public sealed class ScratchReuseTests : PostgresTestBase
{
    private readonly string _kept = "strata_kept_test_" + Guid.NewGuid().ToString("N")[..12];

    public override async Task DisposeAsync()
    {
        await Server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_kept}\" WITH (FORCE)");
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_kept_scratch_database_that_holds_the_same_files_content_is_reused_without_emptying_it()
    {
        await FillAndRememberAsync("key-a", "CREATE SCHEMA app; CREATE TABLE app.t (id int)");

        await using var again = await OpenAsync("key-a");

        again.Reused.ShouldBeTrue();
        (await again.ReadAsync(null, CancellationToken.None)).Tables.Select(t => t.Name.ToString()).ShouldBe(["app.t"]);
    }

    [Fact]
    public async Task Other_files_content_empties_the_kept_scratch_database_and_forgets_the_old_content()
    {
        await FillAndRememberAsync("key-a", "CREATE TABLE t (id int)");

        await using (var other = await OpenAsync("key-b"))
        {
            other.Reused.ShouldBeFalse();
            (await other.ReadAsync(null, CancellationToken.None)).Tables.ShouldBeEmpty();
        }

        await using var back = await OpenAsync("key-a");
        back.Reused.ShouldBeFalse("emptied by the other files: it no longer holds key-a's content");
    }

    [Fact]
    public async Task A_command_that_opens_the_kept_scratch_database_without_a_content_key_empties_it_and_it_is_not_reused_after()
    {
        await FillAndRememberAsync("key-a", "CREATE TABLE t (id int)");

        await using (var plain = await PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, CancellationToken.None))
        {
            (await plain.ReadAsync(null, CancellationToken.None)).Tables.ShouldBeEmpty();
            await ExecuteAsync(plain.ConnectionString, "CREATE TABLE migrated (id int)");
        }

        await using var again = await OpenAsync("key-a");
        again.Reused.ShouldBeFalse();
        (await again.ReadAsync(null, CancellationToken.None)).Tables.ShouldBeEmpty();
    }

    [Fact]
    public async Task Emptying_the_scratch_database_within_a_command_forgets_its_content()
    {
        await using (var first = await OpenAsync("key-a"))
        {
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE t (id int)");
            await first.RememberAsync("key-a", CancellationToken.None);
            await first.EmptyAsync(CancellationToken.None);
            await ExecuteAsync(first.ConnectionString, "CREATE TABLE from_migrations (id int)");
        }

        await using var again = await OpenAsync("key-a");
        again.Reused.ShouldBeFalse();
    }

    [Fact]
    public async Task Renaming_a_role_the_files_grant_to_invalidates_the_kept_content()
    {
        var role = await Database.CreateRoleAsync();
        await FillAndRememberAsync("key-a", $"CREATE TABLE t (id int); GRANT SELECT ON t TO \"{role.Name}\"");
        await using (var same = await OpenAsync("key-a"))
        {
            same.Reused.ShouldBeTrue("nothing changed yet");
        }

        var renamed = role.Name + "_x";
        await Server.ExecuteAsync($"ALTER ROLE \"{role.Name}\" RENAME TO \"{renamed}\"");
        try
        {
            await using var again = await OpenAsync("key-a");
            again.Reused.ShouldBeFalse("applying the files again would fail: the role they name is gone");
        }
        finally
        {
            await Server.ExecuteAsync($"ALTER ROLE \"{renamed}\" RENAME TO \"{role.Name}\"");
        }
    }

    [Fact]
    public async Task The_content_key_stays_in_the_comment_after_Strata_s_mark_so_the_database_is_still_recognised_as_Strata_s()
    {
        await FillAndRememberAsync("key-a", "CREATE TABLE t (id int)");

        var comment = await Server.ScalarAsync<string>($"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{_kept}'");

        comment.ShouldStartWith(KeptScratch.Mark + "; holds ");
        await using var again = await OpenAsync("key-a");
        again.IsKept.ShouldBeTrue();
    }

    [Fact]
    public async Task Closing_the_kept_scratch_database_lets_go_of_its_lock_before_returning_so_the_next_command_can_reuse_it()
    {
        await FillAndRememberAsync("key-a", "CREATE TABLE t (id int)");

        var held = await Server.ScalarAsync<long>(
            $"SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = '{_kept}'");

        held.ShouldBe(0L, "the lock is released on close, not when the closed session's backend has exited");
        await using var again = await OpenAsync("key-a");
        again.Reused.ShouldBeTrue();
    }

    private Task<PostgreSqlScratchDatabase> OpenAsync(string key) =>
        PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, key, CancellationToken.None);

    private async Task FillAndRememberAsync(string key, string sql)
    {
        await using var scratch = await OpenAsync(key);
        scratch.Reused.ShouldBeFalse();
        await ExecuteAsync(scratch.ConnectionString, sql);
        await scratch.RememberAsync(key, CancellationToken.None);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
