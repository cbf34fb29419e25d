using System.Text;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>
/// PostgreSQL's <see cref="IDdlRenderer"/>: turns the schema engine's changes into PostgreSQL DDL. Tables are altered in
/// place (never rebuilt); constraints are separate <c>ALTER TABLE … ADD CONSTRAINT</c> statements. Used by the CLI and
/// by anyone calling <see cref="SchemaDiffer"/> for a PostgreSQL database. Stateless; <see cref="Instance"/> is shared.
/// </summary>
public sealed class PostgreSqlDdlRenderer : IDdlRenderer
{
    /// <summary>The shared instance.</summary>
    public static PostgreSqlDdlRenderer Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<string> Preamble { get; } = ["SET check_function_bodies = off"];

    /// <inheritdoc />
    public bool ConstraintsInsideTable => false;

    /// <summary>Empty: PostgreSQL never rebuilds a table.</summary>
    public IReadOnlyList<string> RebuildPrologue { get; } = [];

    /// <summary>Empty: PostgreSQL never rebuilds a table.</summary>
    public IReadOnlyList<string> RebuildEpilogue { get; } = [];

    /// <inheritdoc />
    public IReadOnlyList<string> CreateTable(TableDefinition table, IReadOnlyList<SchemaObject> constraints)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder(table.Unlogged ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ").Append(SchemaNames.Quote(table.Name));
        if (table.PartitionOf is { } parent)
        {
            text.Append(" PARTITION OF ").Append(SchemaNames.Quote(parent)).Append(' ').Append(table.PartitionBound);
        }
        else
        {
            var local = table.Columns.Where(c => !c.Inherited).ToList();
            text.Append(" (");
            for (var i = 0; i < local.Count; i++)
            {
                text.Append(i == 0 ? "\n    " : ",\n    ").Append(ColumnDdl.Definition(local[i]));
            }

            text.Append(local.Count == 0 ? ")" : "\n)");
            if (table.Inherits.Count > 0)
            {
                text.Append(" INHERITS (").Append(string.Join(", ", table.Inherits.Select(SchemaNames.Quote))).Append(')');
            }
        }

        if (table.Options is not null)
        {
            text.Append(' ').Append(table.Options);
        }

        if (table.StorageParameters is not null)
        {
            text.Append(" WITH (").Append(table.StorageParameters).Append(')');
        }

        var statements = new List<string> { text.ToString() };
        statements.AddRange(table.Columns.SelectMany(c => ColumnDdl.Settings(table.Name, null, c)));
        var bare = table with { Comment = null, RowLevelSecurity = false, ForceRowLevelSecurity = false, ReplicaIdentity = null };
        statements.AddRange(TableDdl.Changes(bare with { StorageParameters = table.StorageParameters, Unlogged = table.Unlogged }, table));
        statements.AddRange(table.Columns.Where(c => c.Comment is not null).Select(c => ColumnComment(table.Name, c)));
        return statements;
    }

    /// <inheritdoc />
    public string DropTable(TableDefinition table) => "DROP TABLE " + SchemaNames.Quote(table?.Name ?? throw new ArgumentNullException(nameof(table)));

    /// <inheritdoc />
    public string RenameTable(QualifiedName table, string newName) => $"ALTER TABLE {SchemaNames.Quote(table)} RENAME TO {SchemaNames.Quote(newName)}";

    /// <inheritdoc />
    public string RenameColumn(QualifiedName table, string column, string newName) =>
        $"ALTER TABLE {SchemaNames.Quote(table)} RENAME COLUMN {SchemaNames.Quote(column)} TO {SchemaNames.Quote(newName)}";

    /// <inheritdoc />
    public IReadOnlyList<string> AddColumn(QualifiedName table, ColumnDefinition column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var add = $"ALTER TABLE {SchemaNames.Quote(table)} ADD COLUMN {ColumnDdl.Definition(column)}";
        return [add, .. ColumnDdl.Settings(table, null, column with { Inherited = false }), .. column.Comment is null ? [] : new[] { ColumnComment(table, column) }];
    }

    /// <inheritdoc />
    public string DropColumn(QualifiedName table, ColumnDefinition column) =>
        $"ALTER TABLE {SchemaNames.Quote(table)} DROP COLUMN {SchemaNames.Quote(column?.Name ?? throw new ArgumentNullException(nameof(column)))}";

    /// <inheritdoc />
    public IReadOnlyList<string> AlterColumn(QualifiedName table, ColumnDefinition before, ColumnDefinition after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Generated != after.Generated && after.Generated is not null)
        {
            return [DropColumn(table, before), .. AddColumn(table, after)];
        }

        var alter = $"ALTER TABLE {SchemaNames.Quote(table)} ALTER COLUMN {SchemaNames.Quote(after.Name)} ";
        var typeChanges = before.Type != after.Type || before.Collation != after.Collation;
        var statements = new List<string>();
        if (before.Generated is not null)
        {
            statements.Add(alter + "DROP EXPRESSION");
        }
        if (before.Identity is not null && after.Identity is null)
        {
            statements.Add(alter + "DROP IDENTITY");
        }

        if (before.Default is not null && (after.Default is null || (typeChanges && before.Default == after.Default)))
        {
            statements.Add(alter + "DROP DEFAULT");
        }

        if (typeChanges)
        {
            var collate = after.Collation is null ? "" : " COLLATE " + after.Collation;
            statements.Add($"{alter}TYPE {after.Type}{collate} USING {SchemaNames.Quote(after.Name)}::{after.Type}");
        }

        statements.AddRange(AfterType(table, alter, before, after, typeChanges));
        return statements;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> AlterTable(TableDefinition before, TableDefinition after) => TableDdl.Changes(before, after);

    /// <summary>Always false: PostgreSQL alters every table change in place.</summary>
    public bool NeedsRebuild(TableChange change) => false;

    /// <summary>Not used on PostgreSQL (<see cref="NeedsRebuild"/> is always false); throws <see cref="NotSupportedException"/>.</summary>
    public IReadOnlyList<string> RebuildTable(TableChange change) =>
        throw new NotSupportedException("PostgreSQL alters tables in place; a rebuild is never planned for it");

    /// <inheritdoc />
    public IReadOnlyList<string> CreateObject(SchemaObject item) => ObjectDdl.Create(item);

    /// <inheritdoc />
    public IReadOnlyList<string> DropObject(SchemaObject item) => ObjectDdl.Drop(item);

    /// <inheritdoc />
    public IReadOnlyList<string>? AlterObject(SchemaObject before, SchemaObject after) => ObjectDdl.Alter(before, after);

    /// <inheritdoc />
    public bool IsWidening(string fromType, string toType) => TypeWidening.IsWidening(fromType, toType);

    /// <summary>The parts of a column change that come after its type change: nullability, default, identity, comment.</summary>
    private static List<string> AfterType(QualifiedName table, string alter, ColumnDefinition before, ColumnDefinition after, bool typeChanges)
    {
        var statements = new List<string>();
        if (before.NotNull != after.NotNull)
        {
            statements.Add(alter + (after.NotNull ? "SET NOT NULL" : "DROP NOT NULL"));
        }

        statements.AddRange(ColumnDdl.NotNullRename(table, before, after));

        if (after.Default is not null && (after.Default != before.Default || typeChanges))
        {
            statements.Add(alter + "SET DEFAULT " + after.Default);
        }

        if (after.Identity is not null && after.Identity != before.Identity)
        {
            statements.Add(before.Identity is null
                ? $"{alter}ADD GENERATED {after.Identity} AS IDENTITY{(after.IdentityOptions is null ? "" : " (" + after.IdentityOptions + ")")}"
                : $"{alter}SET GENERATED {after.Identity}");
        }

        if (before.Identity is not null && after.Identity is not null)
        {
            statements.AddRange(ColumnDdl.IdentityChanges(alter, before, after));
        }

        statements.AddRange(ColumnDdl.Settings(table, before, after));
        if (before.Comment != after.Comment)
        {
            statements.Add(ColumnComment(table, after));
        }

        return statements;
    }

    internal static string Literal(string? text) => text is null ? "NULL" : SqlText.Literal(text);

    internal static string ColumnComment(QualifiedName table, ColumnDefinition column) =>
        $"COMMENT ON COLUMN {SchemaNames.Quote(table)}.{SchemaNames.Quote(column.Name)} IS {Literal(column.Comment)}";
}
