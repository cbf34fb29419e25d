using Microsoft.Data.Sqlite;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Sqlite.Tests;

/// <summary>
/// <see cref="SqliteBackup"/> while the application keeps writing through its own connection: every backup is a
/// consistent database (each of the writer's transactions is in it whole or not at all), and the writer never fails.
/// </summary>
public sealed class OnlineBackupTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("delete")]
    [InlineData("wal")]
    public async Task Backups_taken_while_another_connection_writes_are_consistent_and_the_writer_never_fails(string journalMode)
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "app.db");
        await using (var setup = Open(path))
        {
            Execute(setup, $"PRAGMA journal_mode = {journalMode}; CREATE TABLE orders (id INTEGER PRIMARY KEY, note TEXT); CREATE TABLE lines (order_id INTEGER, note TEXT);");
            Execute(setup, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) INSERT INTO orders (note) SELECT hex(randomblob(200)) FROM n; INSERT INTO lines SELECT id, note FROM orders;");
        }

        using var stop = new CancellationTokenSource();
        var committed = 0L;
        var writer = Task.Run(async () =>
        {
            await using var app = Open(path);
            while (!stop.IsCancellationRequested)
            {
                // One order and its line per transaction: a backup holding one without the other would be torn.
                Execute(app, "BEGIN IMMEDIATE; INSERT INTO orders (note) VALUES (hex(randomblob(200))); INSERT INTO lines VALUES (last_insert_rowid(), 'line'); COMMIT;");
                Interlocked.Increment(ref committed);
            }
        });

        var backups = new List<(string File, long Before, long After)>();
        for (var i = 0; i < 5; i++)
        {
            var file = Path.Combine(folder.Path, $"backup{i}.sqlite");
            var before = Interlocked.Read(ref committed);
            await new SqliteBackup(path).BackupAsync(file, CancellationToken.None);
            backups.Add((file, before, Interlocked.Read(ref committed)));
        }

        await stop.CancelAsync();
        await writer;
        foreach (var (file, before, after) in backups)
        {
            await using var copy = Open(file);
            Scalar<string>(copy, "PRAGMA integrity_check").ShouldBe("ok", file);
            var orders = Scalar<long>(copy, "SELECT count(*) FROM orders");
            Scalar<long>(copy, "SELECT count(*) FROM lines").ShouldBe(orders, "every transaction of the writer is in the backup whole or not at all");
            orders.ShouldBeInRange(5000 + before, 5000 + after + 1, "the backup holds what was committed when it was taken");
            output.WriteLine($"{Path.GetFileName(file)}: {orders - 5000} of the writer's transactions in it; {before} committed before it started, {after} when it ended");
        }
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 60 }.ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout = 60000");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }
}
