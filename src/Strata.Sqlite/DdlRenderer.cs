using System.Text;
using System.Text.RegularExpressions;
using Strata.Schema;

namespace Strata.Sqlite;

/// <summary>
/// SQLite's <see cref="IDdlRenderer"/>: keys and checks live inside CREATE TABLE, so any change ALTER TABLE cannot
/// express (a dropped or changed column, a key or check) is made with SQLite's table-rebuild procedure: foreign keys
/// off outside a transaction, then in one transaction create the new table, copy the kept columns, drop the old one and
/// rename the new one, then foreign keys on again (so dropping the old table cascades nothing). Indexes, triggers and
/// views on a rebuilt table are dropped before and created after by the diff. Stateless; <see cref="Instance"/> is shared.
/// </summary>
public sealed partial class SqliteDdlRenderer : IDdlRenderer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "abort", "action", "add", "after", "all", "alter", "always", "analyze", "and", "as", "asc", "attach", "autoincrement", "before",
        "begin", "between", "by", "cascade", "case", "cast", "check", "collate", "column", "commit", "conflict", "constraint", "create",
        "cross", "current", "current_date", "current_time", "current_timestamp", "database", "default", "deferrable", "deferred",
        "delete", "desc", "detach", "distinct", "do", "drop", "each", "else", "end", "escape", "except", "exclude", "exclusive",
        "exists", "explain", "fail", "filter", "first", "following", "for", "foreign", "from", "full", "generated", "glob", "group",
        "groups", "having", "if", "ignore", "immediate", "in", "index", "indexed", "initially", "inner", "insert", "instead",
        "intersect", "into", "is", "isnull", "join", "key", "last", "left", "like", "limit", "match", "materialized", "natural", "no",
        "not", "nothing", "notnull", "null", "nulls", "of", "offset", "on", "or", "order", "others", "outer", "over", "partition",
        "plan", "pragma", "preceding", "primary", "query", "raise", "range", "recursive", "references", "regexp", "reindex",
        "release", "rename", "replace", "restrict", "returning", "right", "rollback", "row", "rows", "savepoint", "select", "set",
        "table", "temp", "temporary", "then", "ties", "to", "transaction", "trigger", "unbounded", "union", "unique", "update",
        "using", "vacuum", "values", "view", "virtual", "when", "where", "window", "with", "without",
    };

    /// <summary>The shared instance.</summary>
    public static SqliteDdlRenderer Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<string> Preamble { get; } = [];

    /// <inheritdoc />
    public bool ConstraintsInsideTable => true;

    /// <inheritdoc />
    public IReadOnlyList<string> RebuildPrologue { get; } = ["PRAGMA foreign_keys = OFF", "BEGIN"];

    /// <inheritdoc />
    public IReadOnlyList<string> RebuildEpilogue { get; } = ["COMMIT", "PRAGMA foreign_keys = ON"];

    /// <summary>The identifier, double-quoted unless it is a plain lower-case name and not a keyword.</summary>
    public static string Quote(string identifier) =>
        Plain().IsMatch(identifier ?? "") && !Keywords.Contains(identifier!) ? identifier! : SqlText.Quote(identifier ?? "");

    /// <inheritdoc />
    public IReadOnlyList<string> CreateTable(TableDefinition table, IReadOnlyList<SchemaObject> constraints) =>
        [CreateTableSql(table, constraints, Quote(table?.Name.Name ?? ""))];

    /// <inheritdoc />
    public string DropTable(TableDefinition table) => "DROP TABLE " + Quote(table?.Name.Name ?? "");

    /// <inheritdoc />
    public string RenameTable(QualifiedName table, string newName) => $"ALTER TABLE {Quote(table.Name)} RENAME TO {Quote(newName)}";

    /// <inheritdoc />
    public string RenameColumn(QualifiedName table, string column, string newName) => $"ALTER TABLE {Quote(table.Name)} RENAME COLUMN {Quote(column)} TO {Quote(newName)}";

    /// <inheritdoc />
    public IReadOnlyList<string> AddColumn(QualifiedName table, ColumnDefinition column) =>
        [$"ALTER TABLE {Quote(table.Name)} ADD COLUMN {ColumnSql(column ?? throw new ArgumentNullException(nameof(column)), false)}"];

    /// <inheritdoc />
    public string DropColumn(QualifiedName table, ColumnDefinition column) => $"ALTER TABLE {Quote(table.Name)} DROP COLUMN {Quote(column?.Name ?? "")}";

    /// <summary>Not used: a changed column always rebuilds the table (<see cref="NeedsRebuild"/>); throws <see cref="NotSupportedException"/>.</summary>
    public IReadOnlyList<string> AlterColumn(QualifiedName table, ColumnDefinition before, ColumnDefinition after) =>
        throw new NotSupportedException("SQLite cannot alter a column in place; the table is rebuilt");

    /// <summary>SQLite has no table comments or row-level security: nothing to do.</summary>
    public IReadOnlyList<string> AlterTable(TableDefinition before, TableDefinition after) => [];

    /// <inheritdoc />
    public bool NeedsRebuild(TableChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.ConstraintsChanged || change.Dropped.Count > 0 || change.Changed.Count > 0 || change.From.Options != change.To.Options
            || change.Added.Any(c => (c.Generated is not null && !c.Virtual) || (c.NotNull && c.Default is null) || (c.Default is { } d && !Literal().IsMatch(d)));
    }

    /// <inheritdoc />
    public IReadOnlyList<string> RebuildTable(TableChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var name = Quote(change.To.Name.Name);
        var kept = change.To.Columns.Where(c => c.Generated is null && change.From.Column(c.Name) is { Generated: null }).Select(c => Quote(c.Name)).ToList();
        var temporary = Quote("strata_new_" + change.To.Name.Name);
        var statements = new List<string> { CreateTableSql(change.To, change.ToConstraints, temporary) };
        if (kept.Count > 0)
        {
            var list = string.Join(", ", kept);
            statements.Add($"INSERT INTO {temporary} ({list}) SELECT {list} FROM {name}");
        }

        statements.Add("DROP TABLE " + name);
        statements.Add($"ALTER TABLE {temporary} RENAME TO {name}");
        return statements;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> CreateObject(SchemaObject item) => [item?.Definition ?? throw new ArgumentNullException(nameof(item))];

    /// <inheritdoc />
    public IReadOnlyList<string> DropObject(SchemaObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var kind = item.Kind switch
        {
            ObjectKind.Index => "INDEX IF EXISTS",
            ObjectKind.Trigger => "TRIGGER IF EXISTS",
            ObjectKind.VirtualTable => "TABLE IF EXISTS",
            _ => "VIEW IF EXISTS",
        };
        return [$"DROP {kind} {Quote(item.Name.Name)}"];
    }

    /// <summary>Always null: SQLite objects are dropped and created again.</summary>
    public IReadOnlyList<string>? AlterObject(SchemaObject before, SchemaObject after) => null;

    /// <inheritdoc />
    public bool IsWidening(string fromType, string toType)
    {
        var from = Affinity(fromType);
        var to = Affinity(toType);
        return from == to || to is "BLOB" or "TEXT" || (from == "INTEGER" && to is "REAL" or "NUMERIC");
    }

    private static string Affinity(string type)
    {
        var upper = type.ToUpperInvariant();
        return upper.Contains("INT", StringComparison.Ordinal) ? "INTEGER"
            : upper.Contains("CHAR", StringComparison.Ordinal) || upper.Contains("CLOB", StringComparison.Ordinal) || upper.Contains("TEXT", StringComparison.Ordinal) ? "TEXT"
            : upper.Length == 0 || upper.Contains("BLOB", StringComparison.Ordinal) ? "BLOB"
            : upper.Contains("REAL", StringComparison.Ordinal) || upper.Contains("FLOA", StringComparison.Ordinal) || upper.Contains("DOUB", StringComparison.Ordinal) ? "REAL"
            : "NUMERIC";
    }

    private static string CreateTableSql(TableDefinition table, IReadOnlyList<SchemaObject> constraints, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        var primary = constraints.FirstOrDefault(c => c.Kind == ObjectKind.PrimaryKey);
        var autoincrement = primary?.Definition.EndsWith(" AUTOINCREMENT", StringComparison.Ordinal) == true;
        var lines = table.Columns.Select(c => ColumnSql(c, autoincrement && primary!.Definition == $"PRIMARY KEY ({Quote(c.Name)}) AUTOINCREMENT")).ToList();
        lines.AddRange(constraints.Where(c => !(autoincrement && c.Kind == ObjectKind.PrimaryKey))
            .OrderBy(c => c.Kind).ThenBy(c => c.Name).Select(c => c.Definition));
        var text = new StringBuilder("CREATE TABLE ").Append(name).Append(" (\n    ").AppendJoin(",\n    ", lines).Append("\n)");
        return table.Options is null ? text.ToString() : text.Append(' ').Append(table.Options).ToString();
    }

    private static string ColumnSql(ColumnDefinition column, bool autoincrement)
    {
        var text = new StringBuilder(Quote(column.Name));
        if (column.Type.Length > 0)
        {
            text.Append(' ').Append(column.Type);
        }

        if (column.Collation is not null)
        {
            text.Append(" COLLATE ").Append(column.Collation);
        }

        if (autoincrement)
        {
            text.Append(" PRIMARY KEY AUTOINCREMENT");
        }

        if (column.NotNull)
        {
            text.Append(" NOT NULL");
        }

        if (column.Default is { } value)
        {
            text.Append(" DEFAULT ").Append(Literal().IsMatch(value) || value.StartsWith('(') ? value : "(" + value + ")");
        }

        if (column.Generated is not null)
        {
            text.Append(" GENERATED ALWAYS AS (").Append(column.Generated).Append(column.Virtual ? ") VIRTUAL" : ") STORED");
        }

        return text.ToString();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^(?:[-+]?[0-9][0-9.eE+-]*|'(?:[^']|'')*'|NULL|TRUE|FALSE|CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME|[xX]'[0-9A-Fa-f]*')$", RegexOptions.IgnoreCase)]
    private static partial Regex Literal();
}
