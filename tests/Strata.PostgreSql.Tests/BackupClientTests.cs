using Npgsql;
using Strata.Errors;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests;

/// <summary>
/// <see cref="PostgreSqlBackup"/>'s client programs on every major: the oldest pg_dump on the machine either backs the
/// server up (same major or newer) or is refused with the client to install (older), and the password reaches pg_dump
/// only through its environment.
/// </summary>
[PostgresMatrix]
public sealed class BackupClientTests : PostgresTestBase
{
    [Fact]
    public async Task A_pg_dump_older_than_the_server_is_refused_naming_the_client_to_install_and_a_new_enough_one_backs_up()
    {
        var oldest = DebianClients.Oldest();
        var server = Server.VersionNumber / 10000;
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "shop.dump");
        await Database.ExecuteAsync("CREATE TABLE t (id int); INSERT INTO t VALUES (1);");
        var backup = new PostgreSqlBackup(Database.ConnectionString, oldest.Directory);

        if (oldest.Major >= server)
        {
            await backup.BackupAsync(file, CancellationToken.None);
            (await File.ReadAllBytesAsync(file))[..5].ShouldBe("PGDMP"u8.ToArray());
            return;
        }

        var error = await Should.ThrowAsync<StrataException>(() => backup.BackupAsync(file, CancellationToken.None));
        error.Category.ShouldBe(ErrorCategory.BadInput);
        error.Message.ShouldContain($"is PostgreSQL {oldest.Major}, older than the server (PostgreSQL {server})");
        error.Hint.ShouldNotBeNull().ShouldContain($"apt-get install postgresql-client-{server}");
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public void The_password_reaches_pg_dump_in_its_environment_never_on_its_command_line()
    {
        var canary = new Canary();
        var connection = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Password = canary.Password }.ConnectionString;

        var start = new PostgreSqlBackup(connection).DumpStartInfo("pg_dump", "/tmp/x.dump");

        start.Environment["PGPASSWORD"].ShouldBe(canary.Password);
        foreach (var argument in start.ArgumentList)
        {
            canary.FindIn(argument).ShouldBeNull(argument);
        }

        start.ArgumentList.ShouldContain("--format=custom");
        string.Join(' ', start.ArgumentList).ShouldContain($"dbname='{Database.Name}'");
    }
}
