using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Strata.Execution;
using Strata.Sources;
using Strata.Sqlite;

namespace Strata.Testing;

/// <summary>
/// SQLite test databases from <see cref="TestDatabases.ForSqlite"/>: a template file
/// (<c>strata_tpl_&lt;hash&gt;.db</c>) migrated once per migration set, serialised across processes by a lock file,
/// and a file copy of it per rent. With <see cref="TestDatabaseOptions.ResetOnReturn"/> a returned file is
/// overwritten with the template (the reset) and reused. Thread-safe; disposing it deletes the files it holds.
/// </summary>
public sealed class SqliteTestDatabasePool : ITestDatabasePool
{
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(50);

    private readonly string _folder;
    private readonly IMigrationSource _source;
    private readonly TestDatabaseOptions _options;
    private readonly string _owner = "p" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly ConcurrentQueue<string> _reusable = new();
    private readonly Lazy<Task<string>> _template;
    private int _counter;
    private int _disposed;

    internal SqliteTestDatabasePool(string folder, IMigrationSource source, TestDatabaseOptions options)
    {
        _folder = Path.GetFullPath(folder);
        _source = source;
        _options = options;
        _template = new Lazy<Task<string>>(() => BuildTemplateAsync(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The connection string of a SQLite file (<c>Data Source=…</c>).</summary>
    public static string ConnectionStringFor(string path) => new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString;

    /// <inheritdoc />
    public Task<string> EnsureTemplateAsync(CancellationToken cancellationToken = default) => _template.Value.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<RentedDatabase> RentAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var template = await EnsureTemplateAsync(cancellationToken).ConfigureAwait(false);
        if (!_reusable.TryDequeue(out var path))
        {
            path = Path.Combine(_folder, $"{_options.Prefix}_{_owner}_{Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture)}.db");
            File.Copy(template, path, overwrite: true);
        }

        return new RentedDatabase(Path.GetFileName(path), ConnectionStringFor(path), ReturnAsync);
    }

    /// <summary>Deletes the files waiting for reuse; files still rented are deleted when returned.</summary>
    public ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _disposed, 1);
        while (_reusable.TryDequeue(out var path))
        {
            Delete(path);
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask ReturnAsync(RentedDatabase database)
    {
        var path = Path.Combine(_folder, database.Name);
        // Pooled connections would keep the old file open under the copy; close them first.
        using (var connection = new SqliteConnection(database.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        if (_options.ResetOnReturn && _disposed == 0 && _template.Value.IsCompletedSuccessfully)
        {
            DeleteJournals(path);
            File.Copy(_template.Value.Result, path, overwrite: true);
            _reusable.Enqueue(path);
        }
        else
        {
            Delete(path);
        }

        return ValueTask.CompletedTask;
    }

    private async Task<string> BuildTemplateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var hash = await MigrationSetHash.ComputeAsync(_source, Dialect.Sqlite, _options.Migrator, cancellationToken).ConfigureAwait(false);
        var template = Path.Combine(_folder, MigrationSetHash.TemplateName(hash) + ".db");
        if (File.Exists(template))
        {
            return template;
        }

        using var guard = await LockAsync(template + ".lock", cancellationToken).ConfigureAwait(false);
        if (File.Exists(template))
        {
            return template;
        }

        // Built under another name and renamed when complete: a template file that exists is always finished.
        var building = template + "." + _owner + ".building";
        Delete(building);
        var dialect = new SqliteDialect(new SqliteConnectionStringBuilder { DataSource = building, Pooling = false }.ConnectionString);
        try
        {
            await new Migrator(dialect, _source, _options.Migrator).MigrateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Delete(building);
            throw;
        }

        File.Move(building, template);
        return template;
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(LockPoll, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void Delete(string path)
    {
        DeleteJournals(path);
        File.Delete(path);
    }

    private static void DeleteJournals(string path)
    {
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }
}
