using Strata.Errors;
using Strata.Operations;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests;

/// <summary>
/// A backup a newer pg_dump wrote (archive format 1.16, pg_dump 17 and newer) restored with an older pg_restore: refused
/// before any database is created, naming the client to install, instead of pg_restore's "unsupported version (1.16) in
/// file header" as a failed restore (exit 4).
/// </summary>
public sealed class BackupArchiveFormatTests : PostgresTestBase
{
    [Fact]
    public async Task A_backup_in_a_newer_archive_format_than_pg_restore_reads_is_refused_naming_the_client_to_install()
    {
        var oldest = DebianClients.Oldest();
        oldest.Major.ShouldBeLessThan(17, "the test needs a pg_restore older than 17 (Debian 12's postgresql-client-15 is one)");
        oldest.Major.ShouldBeGreaterThanOrEqualTo(Server.VersionNumber / 10000, "the default test server is not newer than the Debian client");
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "shop.dump");
        await Database.ExecuteAsync("CREATE TABLE t (id int); INSERT INTO t VALUES (1);");
        var backup = new PostgreSqlBackup(Database.ConnectionString, oldest.Directory);
        await backup.BackupAsync(file, CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[6] = 16;   // format 1.16, as pg_dump 17 and 18 write it
        await File.WriteAllBytesAsync(file, bytes);
        var into = Database.Name + "_copy";

        var error = await Should.ThrowAsync<StrataException>(() => backup.RestoreAsync(file, new RestoreOptions { Into = into }, CancellationToken.None));

        error.Category.ShouldBe(ErrorCategory.BadInput);
        error.Message.ShouldContain($"written by pg_dump 17 or newer (archive format 1.16), which {Path.Combine(oldest.Directory, "pg_restore")} (PostgreSQL {oldest.Major}) cannot read");
        error.Hint.ShouldNotBeNull().ShouldContain("apt-get install postgresql-client-17");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname = $1", into)).ShouldBe(0, "nothing is created for a backup that cannot be read");
    }
}
