using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Splitter;

/// <summary>
/// Replays every (corpus file, mode) case at once, a few at a time, as soon as the test class starts: xunit runs
/// the cases of one theory one after another, so each case only awaits its own replay that is already under way.
/// </summary>
public sealed class CorpusReplayFixture : IAsyncLifetime, IDisposable
{
    /// <summary>Replays running together; each mostly waits on the server, psql and pg_dump.</summary>
    private const int Parallelism = 4;

    private readonly Dictionary<(string File, ReplayMode Mode), Task<ReplayResult>> _replays = [];
    private readonly SemaphoreSlim _slots = new(Parallelism);
    private CorpusReplay? _replay;
    private Lazy<Task<string>>? _emptySchema;

    /// <summary>The major version of the server the cases run on.</summary>
    internal int ServerMajor { get; private set; }

    private CorpusReplay Replay => _replay ?? throw new InvalidOperationException("the fixture is not initialised");

    /// <summary>Finds the server and the client tools, then starts every replay.</summary>
    public async Task InitializeAsync()
    {
        var server = await PostgresServer.SharedAsync();
        ServerMajor = server.VersionNumber / 10000;
        _replay = new CorpusReplay(server, await PostgresClientTools.FindAsync(server.VersionNumber));
        _emptySchema = new Lazy<Task<string>>(() => Task.Run(Replay.DumpEmptyAsync));
        foreach (var (file, mode) in Cases())
        {
            // Task.Run: continuations go to the thread pool, not to xunit's synchronisation context.
            _replays[(file, mode)] = Task.Run(() => LimitedAsync(file, mode));
        }
    }

    /// <summary>Waits for every replay, so no database is still in use when the process stops the server.</summary>
    public async Task DisposeAsync()
    {
        // WhenAny of the combined task never throws: each failure is reported by its own test case.
        await Task.WhenAny(Task.WhenAll(_replays.Values));
    }

    /// <summary>Releases the slot semaphore; xunit calls it after <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => _slots.Dispose();

    /// <summary>Every corpus file in every mode, in file order.</summary>
    internal static IEnumerable<(string File, ReplayMode Mode)> Cases() =>
        from file in CorpusFiles.Postgres()
        from mode in Enum.GetValues<ReplayMode>()
        select (file, mode);

    /// <summary>The replay of one case, started by <see cref="InitializeAsync"/>.</summary>
    internal Task<ReplayResult> ResultAsync(string file, ReplayMode mode) =>
        _replays.TryGetValue((file, mode), out var replay)
            ? replay
            : throw new InvalidOperationException($"{file} ({mode}) was not found in {CorpusFiles.Folder} when the test class started");

    /// <summary>The normalised schema-only dump of an empty database.</summary>
    internal Task<string> EmptySchemaAsync() =>
        (_emptySchema ?? throw new InvalidOperationException("the fixture is not initialised")).Value;

    private async Task<ReplayResult> LimitedAsync(string file, ReplayMode mode)
    {
        await _slots.WaitAsync();
        try
        {
            return await Replay.RunAsync(file, mode);
        }
        finally
        {
            _slots.Release();
        }
    }
}
