using Strata.Execution;
using Strata.History;

namespace Strata.Tests.Engine;

/// <summary>One session on the <see cref="RecordingDialect"/>: its roles, all recording into the dialect.</summary>
internal sealed class RecordingSession : IDatabaseSession, IDatabaseInspector
{
    private readonly RecordingDialect _dialect;

    public RecordingSession(RecordingDialect dialect, SessionOptions options)
    {
        _dialect = dialect;
        Options = options;
        var history = new RecordingHistory(dialect, options.History);
        History = history;
        Lock = new RecordingLock(dialect);
        Executor = new RecordingExecutor(dialect, history);
    }

    public SessionOptions Options { get; }

    public IMigrationLock Lock { get; }

    public IHistoryStore History { get; }

    public IScriptExecutor Executor { get; }

    public IDatabaseInspector Inspector => this;

    public string AppliedBy => "recorder";

    public Task<IReadOnlyList<string>> FindInvalidIndexesAsync(CancellationToken cancellationToken)
    {
        _dialect.Calls.Add("inspect");
        return Task.FromResult<IReadOnlyList<string>>([.. _dialect.InvalidIndexes]);
    }

    public ValueTask DisposeAsync()
    {
        _dialect.Calls.Add("close");
        return ValueTask.CompletedTask;
    }
}
