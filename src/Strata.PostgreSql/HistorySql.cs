using Strata.History;

namespace Strata.PostgreSql;

/// <summary>
/// The SQL of the history and audit tables: creation, reading, and the statements of each
/// <see cref="HistoryChange"/>. Identifiers come quoted from <see cref="HistoryNames"/>; values are placeholders.
/// </summary>
internal sealed class HistorySql
{
    /// <summary>The server-side running time of the current transaction, in milliseconds.</summary>
    public const string ElapsedMilliseconds = "(extract(epoch FROM clock_timestamp() - now()) * 1000)::bigint";

    private const string Columns = "version, name, kind, checksum, batch, applied_at, execution_ms, applied_by, state";

    public HistorySql(HistoryNames names) => Names = names;

    public HistoryNames Names { get; }

    /// <summary>
    /// The idempotent statements that create the schema (when configured and not <paramref name="schemaExists"/>:
    /// even <c>CREATE SCHEMA IF NOT EXISTS</c> needs CREATE on the database, which a least-privilege role that owns
    /// its schema lacks), the history table, its indexes and the audit table.
    /// </summary>
    public IReadOnlyList<string> Create(bool schemaExists)
    {
        var statements = new List<string>();
        if (Names.Configured.Schema is not null && !schemaExists)
        {
            statements.Add($"CREATE SCHEMA IF NOT EXISTS {Names.QuotedSchema}");
        }

        statements.Add(CreateHistoryTable);
        statements.Add($"CREATE UNIQUE INDEX IF NOT EXISTS {Names.VersionIndex} ON {Names.Table} (version)");
        statements.Add($"CREATE UNIQUE INDEX IF NOT EXISTS {Names.NameIndex} ON {Names.Table} (name) WHERE version IS NULL");
        statements.Add(CreateAuditTable);
        return statements;
    }

    /// <summary>Whether a schema exists; <c>$1</c> is its name (unquoted). Needs no privilege.</summary>
    public static string SchemaExists => "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1)";

    /// <summary>Whether the history table exists; <c>$1</c> is <see cref="HistoryNames.Table"/>. Needs no privilege.</summary>
    public static string Exists => "SELECT to_regclass($1) IS NOT NULL";

    /// <summary>Every row: versioned ones by version, then repeatables by name.</summary>
    public string Read => $"SELECT {Columns} FROM {Names.Table} ORDER BY version IS NULL, version, name, id";

    private string CreateHistoryTable =>
        $"""
        CREATE TABLE IF NOT EXISTS {Names.Table} (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            version bigint NULL,
            name text NOT NULL,
            kind text NOT NULL,
            checksum text NULL,
            batch integer NOT NULL,
            applied_at timestamptz NOT NULL,
            execution_ms bigint NOT NULL,
            applied_by text NOT NULL,
            state text NOT NULL
        )
        """;

    private string CreateAuditTable =>
        $"""
        CREATE TABLE IF NOT EXISTS {Names.Audit} (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            action text NOT NULL,
            version bigint NULL,
            name text NULL,
            detail text NOT NULL,
            performed_by text NOT NULL
        )
        """;

    /// <summary>
    /// The statements that apply <paramref name="change"/>, audit row included when it has an audit action.
    /// <paramref name="inScript"/>: the statements ride along with a migration script (no precondition guards;
    /// a violated unique index fails the migration, and <c>execution_ms</c> is measured by the server).
    /// </summary>
    public IReadOnlyList<HistoryCommand> Commands(HistoryChange change, bool inScript)
    {
        ArgumentNullException.ThrowIfNull(change);
        var commands = change switch
        {
            HistoryInsert insert => Insert(insert.Row, inScript),
            HistoryBatch batch => batch.Changes.SelectMany(c => Commands(c, inScript)).ToList(),
            HistoryDelete delete => [new HistoryCommand($"DELETE FROM {Names.Table} WHERE {Key(delete.Version, 1)}", KeyValues(delete.Version, delete.Name), true)],
            HistoryFinish finish => [new HistoryCommand($"UPDATE {Names.Table} SET state = 'succeeded', execution_ms = $2 WHERE version = $1", [finish.Version, finish.ExecutionMs], true)],
            HistoryChecksumUpdate update => [new HistoryCommand($"UPDATE {Names.Table} SET checksum = $1 WHERE {Key(update.Version, 2)}", [update.NewChecksum, .. KeyValues(update.Version, update.Name)], true)],
            _ => throw new ArgumentException($"unknown history change {change.GetType().Name}", nameof(change)),
        };
        return change.AuditAction is null ? commands : [.. commands, Audit(change)];
    }

    private List<HistoryCommand> Insert(AppliedMigration row, bool inScript)
    {
        var values = new List<object?>
        {
            row.Version, row.Name, HistoryValues.ToText(row.Kind), row.Checksum, row.Batch, row.AppliedAt,
            row.AppliedBy, HistoryValues.ToText(row.State),
        };
        var executionMs = inScript ? ElapsedMilliseconds : "$9";
        if (!inScript)
        {
            values.Add(row.ExecutionMs);
        }

        var insert = $"INSERT INTO {Names.Table} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, {executionMs}, $7, $8)";
        if (row.Version is not null)
        {
            return [new HistoryCommand(inScript ? insert : insert + " ON CONFLICT (version) DO NOTHING", values, true)];
        }

        // A repeatable replaces its previous row; outside a script an identical row (same checksum) is left alone.
        var delete = inScript
            ? new HistoryCommand($"DELETE FROM {Names.Table} WHERE version IS NULL AND name = $1", [row.Name])
            : new HistoryCommand($"DELETE FROM {Names.Table} WHERE version IS NULL AND name = $1 AND checksum IS DISTINCT FROM $2", [row.Name, row.Checksum]);
        var guarded = inScript ? insert : insert + " ON CONFLICT (name) WHERE version IS NULL DO NOTHING";
        return [delete, new HistoryCommand(guarded, values, true)];
    }

    private HistoryCommand Audit(HistoryChange change)
    {
        var version = HistoryValues.VersionOf(change);
        var name = change switch
        {
            HistoryInsert insert => insert.Row.Name,
            HistoryDelete delete => delete.Name,
            HistoryChecksumUpdate update => update.Name,
            _ => null,
        };
        var nameSql = name is null ? $"(SELECT name FROM {Names.Table} WHERE version = $2)" : "$3";
        object?[] values = name is null
            ? [change.AuditAction, version, HistoryValues.AuditDetail(change)]
            : [change.AuditAction, version, name, HistoryValues.AuditDetail(change)];
        var detail = name is null ? "$3" : "$4";
        return new HistoryCommand(
            $"INSERT INTO {Names.Audit} (at, action, version, name, detail, performed_by) VALUES (now(), $1, $2, {nameSql}, {detail}, current_user)",
            values);
    }

    private static string Key(long? version, int placeholder) =>
        version is null ? $"version IS NULL AND name = ${placeholder}" : $"version = ${placeholder}";

    private static object?[] KeyValues(long? version, string name) => version is null ? [name] : [version];
}
