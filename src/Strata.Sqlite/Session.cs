using Microsoft.Data.Sqlite;
using Strata.Execution;
using Strata.History;

namespace Strata.Sqlite;

/// <summary>One open SQLite connection and the roles working through it.</summary>
internal sealed class Session : IDatabaseSession
{
    private readonly SqliteConnection _connection;

    public Session(SqliteConnection connection, HistoryTableName history)
    {
        _connection = connection;
        var store = new HistoryStore(connection, history);
        History = store;
        Executor = new ScriptExecutor(connection, store);
    }

    public IMigrationLock Lock { get; } = new MigrationLock();

    public IHistoryStore History { get; }

    public IScriptExecutor Executor { get; }

    public IDatabaseInspector Inspector { get; } = new DatabaseInspector();

    public string AppliedBy { get; } = Environment.UserName;

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
