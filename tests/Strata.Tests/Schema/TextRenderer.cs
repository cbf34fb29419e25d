using Strata.Schema;

namespace Strata.Tests.Schema;

/// <summary>A renderer that writes each change as a short word form, so the diff's decisions and order can be read.</summary>
internal sealed class TextRenderer(bool inline = false) : IDdlRenderer
{
    public IReadOnlyList<string> Preamble => [];

    public IReadOnlyList<string> RebuildPrologue => ["off"];

    public IReadOnlyList<string> RebuildEpilogue => ["on"];

    public bool ConstraintsInsideTable => inline;

    public IReadOnlyList<string> CreateTable(TableDefinition table, IReadOnlyList<SchemaObject> constraints) => ["create table " + table.Name];

    public string DropTable(TableDefinition table) => "drop table " + table.Name;

    public string RenameTable(QualifiedName table, string newName) => $"rename {table} {newName}";

    public string RenameColumn(QualifiedName table, string column, string newName) => $"rename {table}.{column} {newName}";

    public IReadOnlyList<string> AddColumn(QualifiedName table, ColumnDefinition column) => [$"add {table}.{column.Name}"];

    public string DropColumn(QualifiedName table, ColumnDefinition column) => $"drop {table}.{column.Name}";

    public IReadOnlyList<string> AlterColumn(QualifiedName table, ColumnDefinition before, ColumnDefinition after) => [$"alter {table}.{after.Name} {after.Type}"];

    public IReadOnlyList<string> AlterTable(TableDefinition before, TableDefinition after) => ["alter table " + after.Name];

    public bool NeedsRebuild(TableChange change) => inline;

    public IReadOnlyList<string> RebuildTable(TableChange change) => ["rebuild " + change.To.Name];

    public IReadOnlyList<string> CreateObject(SchemaObject item) => ["create " + item];

    public IReadOnlyList<string> DropObject(SchemaObject item) => ["drop " + item];

    public IReadOnlyList<string>? AlterObject(SchemaObject before, SchemaObject after) => null;

    public bool IsWidening(string fromType, string toType) => fromType == "int" && toType == "bigint";
}
