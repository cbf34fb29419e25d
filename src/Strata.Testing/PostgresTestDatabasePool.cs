using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;
using Strata.Sources;

namespace Strata.Testing;

/// <summary>
/// PostgreSQL test databases from <see cref="TestDatabases.ForPostgres"/>: a template per migration set, one clone
/// per rent, <see cref="TestDatabaseOptions.WarmClones"/> clones made in the background ahead of demand, and with
/// <see cref="TestDatabaseOptions.ResetOnReturn"/> returned clones emptied and reused. Thread-safe. Disposing it
/// drops every clone it holds; a clone a test still holds then is left for <see cref="PostgresTestServer.CleanAsync"/>.
/// </summary>
public sealed class PostgresTestDatabasePool : ITestDatabasePool
{
    private readonly PostgresTestServer _server;
    private readonly IMigrationSource? _source;
    private readonly TestDatabaseOptions _options;
    private readonly Channel<string> _warm = Channel.CreateUnbounded<string>();
    private readonly ConcurrentQueue<string> _reusable = new();
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _slots;
    private readonly Lazy<Task<string>> _template;
    private PostgresResetter? _resetter;
    private Task _filler = Task.CompletedTask;
    private int _disposed;

    /// <param name="adminConnectionString">A role with CREATEDB on the server.</param>
    /// <param name="source">The migrations; null for unmigrated (empty) databases.</param>
    /// <param name="options">Warm pool, reset mode, prefix, clone strategy, template settings.</param>
    internal PostgresTestDatabasePool(string adminConnectionString, IMigrationSource? source, TestDatabaseOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.WarmClones);
        _server = new PostgresTestServer(adminConnectionString, options.Prefix);
        _source = source;
        _options = options;
        _slots = new SemaphoreSlim(options.WarmClones);
        _template = new Lazy<Task<string>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The server operations this pool uses (e.g. for <see cref="PostgresTestServer.CleanAsync"/>).</summary>
    public PostgresTestServer Server => _server;

    /// <inheritdoc />
    public Task<string> EnsureTemplateAsync(CancellationToken cancellationToken = default) => _template.Value.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<RentedDatabase> RentAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var template = await EnsureTemplateAsync(cancellationToken).ConfigureAwait(false);
        string name;
        if (_reusable.TryDequeue(out var reused))
        {
            name = reused;
        }
        else if (_warm.Reader.TryRead(out var warm))
        {
            _slots.Release();
            name = warm;
        }
        else
        {
            name = await _server.CloneAsync(template, _options.CloneStrategy, cancellationToken).ConfigureAwait(false);
        }

        var connectionString = _server.ConnectionStringFor(name);
        var mark = _options.ResetOnReturn ? await PostgresResetter.MarkAsync(connectionString, cancellationToken).ConfigureAwait(false) : null;
        return new RentedDatabase(name, connectionString, ReturnAsync, mark);
    }

    /// <summary>Stops the warm pool and drops every clone the pool holds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _filler.ConfigureAwait(false);
        await WhenReturnedAsync().ConfigureAwait(false);
        _warm.Writer.TryComplete();
        var leftovers = new List<string>(_reusable);
        while (_warm.Reader.TryRead(out var warm))
        {
            leftovers.Add(warm);
        }

        foreach (var name in leftovers)
        {
            await _server.DropAsync(name, CancellationToken.None).ConfigureAwait(false);
        }

        await _server.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _slots.Dispose();
    }

    private async Task<string> StartAsync()
    {
        var template = await _server.EnsureTemplateAsync(_source, _options, _stopping.Token).ConfigureAwait(false);
        if (_options.ResetOnReturn)
        {
            // The template takes no connections; its first clone, still untouched, shows what a reset returns to.
            var first = await _server.CloneAsync(template, _options.CloneStrategy, _stopping.Token).ConfigureAwait(false);
            _resetter = await PostgresResetter.CreateAsync(_server.ConnectionStringFor(first), _stopping.Token).ConfigureAwait(false);
            _reusable.Enqueue(first);
        }

        if (_options.WarmClones > 0)
        {
            _filler = Task.Run(() => FillAsync(template));
        }

        return template;
    }

    private async Task FillAsync(string template)
    {
        try
        {
            while (true)
            {
                await _slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
                var name = await _server.CloneAsync(template, _options.CloneStrategy, _stopping.Token).ConfigureAwait(false);
                _warm.Writer.TryWrite(name);
            }
        }
        catch (Exception e) when (e is OperationCanceledException || _stopping.IsCancellationRequested)
        {
            // Disposing the pool stops the filler; a clone cut off mid-creation does not exist.
        }
        catch (Errors.StrataException)
        {
            // The warm pool is an optimisation: when the server refuses a clone, rents create their own and report the error.
        }
    }

    private ValueTask ReturnAsync(RentedDatabase database)
    {
        if (_disposed != 0)
        {
            // The pool (and its owner connection) is gone: the database is a leftover that `strata test-db clean`
            // or the next pool's CleanAsync drops.
            return ValueTask.CompletedTask;
        }

        Track(Task.Run(() => RecycleAsync(database)));
        return ValueTask.CompletedTask;
    }

    private async Task RecycleAsync(RentedDatabase database)
    {
        if (_resetter is not null && database.ResetMark is not null)
        {
            try
            {
                if (await _resetter.ResetAsync(database.ConnectionString, database.ResetMark, CancellationToken.None).ConfigureAwait(false))
                {
                    _reusable.Enqueue(database.Name);
                    return;
                }
            }
            catch (NpgsqlException)
            {
                // A database that cannot be reset (a lock held by a leaked transaction, a changed schema) is dropped instead.
            }
        }

        await _server.DropAsync(database.Name, CancellationToken.None).ConfigureAwait(false);
    }

    private void Track(Task task)
    {
        _background.TryAdd(task, 0);
        _ = task.ContinueWith(t => _background.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes when every returned database has been reset or dropped (for tests and disposal).</summary>
    internal async Task WhenReturnedAsync()
    {
        while (!_background.IsEmpty)
        {
            await Task.WhenAll(_background.Keys).ConfigureAwait(false);
        }
    }
}
