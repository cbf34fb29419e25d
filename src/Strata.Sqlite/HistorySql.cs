using System.Globalization;
using Strata.History;

namespace Strata.Sqlite;

/// <summary>The SQL text of the history table in SQLite: DDL, the read query, and each change with its parameters.</summary>
internal sealed class HistorySql
{
    private readonly string _table;
    private readonly string _audit;
    private readonly string _versionIndex;
    private readonly string _repeatableIndex;

    public HistorySql(HistoryTableName name)
    {
        var prefix = name.Schema is null ? "" : SqlText.Quote(name.Schema) + ".";
        _table = prefix + SqlText.Quote(name.Table);
        _audit = prefix + SqlText.Quote(name.AuditTable);
        _versionIndex = prefix + SqlText.Quote(name.Table + "_vkey");
        _repeatableIndex = prefix + SqlText.Quote(name.Table + "_rkey");
        var bare = SqlText.Quote(name.Table);
        CreateTables = $"""
            CREATE TABLE IF NOT EXISTS {_table} (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                version INTEGER,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                checksum TEXT,
                batch INTEGER NOT NULL,
                applied_at TEXT NOT NULL,
                execution_ms INTEGER NOT NULL DEFAULT 0,
                applied_by TEXT NOT NULL,
                state TEXT NOT NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS {_versionIndex} ON {bare} (version);
            CREATE UNIQUE INDEX IF NOT EXISTS {_repeatableIndex} ON {bare} (name) WHERE version IS NULL;
            CREATE TABLE IF NOT EXISTS {_audit} (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                action TEXT NOT NULL,
                version INTEGER,
                name TEXT NOT NULL,
                detail TEXT NOT NULL,
                performed_by TEXT NOT NULL);
            """;
        Select = $"SELECT version, name, kind, checksum, batch, applied_at, execution_ms, applied_by, state FROM {_table} ORDER BY version IS NULL, version, name";
    }

    public string CreateTables { get; }

    public string Select { get; }

    public Command Precondition(HistoryChange change) => change switch
    {
        HistoryInsert { Row.Version: null } i => new($"SELECT count(*) FROM {_table} WHERE version IS NULL AND name = @name AND checksum = @checksum", P("name", i.Row.Name), P("checksum", i.Row.Checksum)),
        HistoryInsert i => new($"SELECT count(*) FROM {_table} WHERE version = @version", P("version", i.Row.Version)),
        HistoryFinish f => new($"SELECT count(*) FROM {_table} WHERE version = @version AND state = 'started'", P("version", f.Version)),
        HistoryChecksumUpdate u => new($"SELECT count(*) FROM {_table} WHERE {Key(u.Version)} AND checksum = @old", P("version", u.Version), P("name", u.Name), P("old", u.OldChecksum)),
        HistoryDelete d => new($"SELECT count(*) FROM {_table} WHERE {Key(d.Version)}", P("version", d.Version), P("name", d.Name)),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "unknown history change"),
    };

    public IReadOnlyList<Command> Write(HistoryChange change)
    {
        var commands = new List<Command>();
        switch (change)
        {
            case HistoryInsert { Row: var row }:
                if (row.Version is null)
                {
                    commands.Add(new($"DELETE FROM {_table} WHERE version IS NULL AND name = @name", P("name", row.Name)));
                }

                commands.Add(new(
                    $"INSERT INTO {_table} (version, name, kind, checksum, batch, applied_at, execution_ms, applied_by, state) "
                    + "VALUES (@version, @name, @kind, @checksum, @batch, @applied_at, @execution_ms, @applied_by, @state)",
                    P("version", row.Version), P("name", row.Name), P("kind", HistoryValues.ToText(row.Kind)), P("checksum", row.Checksum),
                    P("batch", (long)row.Batch), P("applied_at", Timestamp(row.AppliedAt)), P("execution_ms", row.ExecutionMs),
                    P("applied_by", row.AppliedBy), P("state", HistoryValues.ToText(row.State))));
                break;
            case HistoryDelete d:
                commands.Add(new($"DELETE FROM {_table} WHERE {Key(d.Version)}", P("version", d.Version), P("name", d.Name)));
                break;
            case HistoryFinish f:
                commands.Add(new($"UPDATE {_table} SET state = 'succeeded', execution_ms = @execution_ms WHERE version = @version AND state = 'started'", P("version", f.Version), P("execution_ms", f.ExecutionMs)));
                break;
            case HistoryChecksumUpdate u:
                commands.Add(new($"UPDATE {_table} SET checksum = @new WHERE {Key(u.Version)} AND checksum = @old", P("version", u.Version), P("name", u.Name), P("old", u.OldChecksum), P("new", u.NewChecksum)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "unknown history change");
        }

        if (change.AuditAction is { } action)
        {
            commands.Add(new(
                $"INSERT INTO {_audit} (at, action, version, name, detail, performed_by) VALUES (@at, @action, @version, @name, @detail, @by)",
                P("at", Timestamp(DateTimeOffset.UtcNow)), P("action", action), P("version", HistoryValues.VersionOf(change)),
                P("name", NameOf(change)), P("detail", HistoryValues.AuditDetail(change)), P("by", Environment.UserName)));
        }

        return commands;
    }

    private static string Key(long? version) => version is null ? "version IS NULL AND name = @name" : "version = @version";

    private static string NameOf(HistoryChange change) => change switch
    {
        HistoryInsert i => i.Row.Name,
        HistoryDelete d => d.Name,
        HistoryChecksumUpdate u => u.Name,
        HistoryFinish f => f.Version.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static KeyValuePair<string, object?> P(string name, object? value) => new(name, value);

    /// <summary>One statement and its parameters (names without the <c>@</c>).</summary>
    internal sealed record Command(string Sql, IReadOnlyList<KeyValuePair<string, object?>> Parameters)
    {
        public Command(string sql, params KeyValuePair<string, object?>[] parameters)
            : this(sql, (IReadOnlyList<KeyValuePair<string, object?>>)parameters)
        {
        }
    }
}
