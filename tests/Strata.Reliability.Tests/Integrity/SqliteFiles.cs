using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Strata.Reliability.Tests.Integrity;

/// <summary>
/// Looks at SQLite files from outside Strata (plain Microsoft.Data.Sqlite): journal mode, integrity, what a crash
/// left, and which process has a file open.
/// </summary>
internal static class SqliteFiles
{
    /// <summary>The file and the side files SQLite keeps next to it (rollback journal, WAL, shared memory).</summary>
    public static IEnumerable<string> WithSideFiles(string database) =>
        new[] { database, database + "-journal", database + "-wal", database + "-shm" }.Where(File.Exists);

    /// <summary>Opens a connection (no pooling, so closing really closes the file).</summary>
    public static async Task<SqliteConnection> OpenAsync(string database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false, DefaultTimeout = 30 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Creates the file with <paramref name="mode"/> (<c>delete</c> or <c>wal</c>, persistent for WAL) and returns the mode SQLite reports.</summary>
    public static async Task<string> CreateAsync(string database, string mode)
    {
        await using var connection = await OpenAsync(database);
        return await ScalarAsync(connection, $"PRAGMA journal_mode = {mode}") ?? "";
    }

    /// <summary>The first column of the first row, as text.</summary>
    public static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// How many history rows a running migrate has committed so far (0 while it has not created the table). Opens and
    /// closes its own connection, so nothing of the test holds the file when the writer is killed.
    /// </summary>
    public static async Task<int> HistoryCountAsync(string database)
    {
        try
        {
            await using var connection = await OpenAsync(database);
            return int.Parse(await ScalarAsync(connection, "SELECT count(*) FROM strata_migrations") ?? "0", CultureInfo.InvariantCulture);
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.Ordinal))
        {
            return 0;
        }
    }

    /// <summary>Copies the file and its side files into <paramref name="folder"/> as they are (a crashed state, hot journal included).</summary>
    public static string Snapshot(string database, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in WithSideFiles(database).Where(f => !f.EndsWith("-shm", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }

        return Path.Combine(folder, Path.GetFileName(database));
    }

    /// <summary>Deletes the file and its side files.</summary>
    public static void Delete(string database)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in WithSideFiles(database).ToList())
        {
            File.Delete(file);
        }
    }

    /// <summary>True when process <paramref name="pid"/> has <paramref name="database"/> open (Linux <c>/proc</c>).</summary>
    public static bool IsOpenedBy(int pid, string database)
    {
        var fds = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/fd";
        try
        {
            return Directory.EnumerateFileSystemEntries(fds).Any(fd => new FileInfo(fd).LinkTarget == database);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
