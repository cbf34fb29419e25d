using Microsoft.Data.Sqlite;
using Strata.Adoption;
using Strata.Execution;
using Strata.History;

namespace Strata.Sqlite;

/// <summary>One open SQLite connection and the roles working through it.</summary>
internal sealed class Session : IDatabaseSession, IForeignHistoryReader
{
    private readonly SqliteConnection _connection;
    private readonly ForeignHistoryReader _foreign;

    public Session(SqliteConnection connection, HistoryTableName history, bool foreignKeys)
    {
        _connection = connection;
        var store = new HistoryStore(connection, history);
        History = store;
        Executor = new ScriptExecutor(connection, store, foreignKeys);
        _foreign = new ForeignHistoryReader(connection);
    }

    public IMigrationLock Lock { get; } = new MigrationLock();

    public IHistoryStore History { get; }

    public IScriptExecutor Executor { get; }

    public IDatabaseInspector Inspector { get; } = new DatabaseInspector();

    public string AppliedBy { get; } = Environment.UserName;

    /// <summary>Which of another tool's history tables this file holds (strata adopt, the guard).</summary>
    public Task<IReadOnlyDictionary<string, string>> FindTablesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        _foreign.FindTablesAsync(names, cancellationToken);

    /// <summary>Another tool's history rows, read with query_only on; null when a table or column it names is missing.</summary>
    public Task<IReadOnlyList<object?[]>?> QueryAsync(string sql, CancellationToken cancellationToken) => _foreign.QueryAsync(sql, cancellationToken);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
