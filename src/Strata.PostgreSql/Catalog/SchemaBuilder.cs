using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>Collects what the catalog queries read, then builds the <see cref="DatabaseSchema"/>.</summary>
internal sealed class SchemaBuilder
{
    public List<TableDefinition> Tables { get; } = [];

    public List<SchemaObject> Objects { get; } = [];

    public List<UnmanagedObject> Unmanaged { get; } = [];

    /// <summary>What each table's columns need (types, sequences, functions, collations), from <c>pg_depend</c>.</summary>
    public Dictionary<QualifiedName, List<QualifiedName>> TableDependencies { get; } = [];

    /// <summary>The columns of views, materialized views and composite types (<see cref="RelationColumns"/>), for code generation.</summary>
    public IReadOnlyList<object?[]> RelationColumns { get; set; } = [];

    public DatabaseSchema Build()
    {
        var byName = Tables.ToDictionary(t => t.Name);
        var tables = Tables.Select(t => Complete(t, byName)).ToList();
        return PostgreSql.RelationColumns.Attach(new DatabaseSchema(tables, Objects, Unmanaged), RelationColumns);
    }

    /// <summary>
    /// Adds the table's dependencies, and keeps of each inherited column only what the table sets on top of its
    /// parents (a default of its own, NOT NULL where no parent has it): the rest comes with <c>PARTITION OF</c> or
    /// <c>INHERITS</c>.
    /// </summary>
    private TableDefinition Complete(TableDefinition table, Dictionary<QualifiedName, TableDefinition> byName)
    {
        var dependencies = TableDependencies.GetValueOrDefault(table.Name) ?? [];
        var parents = table.Parents.Select(p => byName.GetValueOrDefault(p)).OfType<TableDefinition>().ToList();
        var columns = table.Columns.Select(c => c.Inherited ? Local(c, parents) : c).ToList();
        return table with
        {
            Columns = columns,
            DependsOn = [.. dependencies.Where(d => d != table.Name && !table.Parents.Contains(d)).Distinct().Order()],
        };
    }

    private static ColumnDefinition Local(ColumnDefinition column, List<TableDefinition> parents)
    {
        var inherited = parents.Select(p => p.Column(column.Name)).OfType<ColumnDefinition>().ToList();
        var defaultFromParent = inherited.Count > 0 && inherited[0].Default == column.Default && inherited[0].Generated == column.Generated;
        return column with
        {
            Default = defaultFromParent || column.Generated is not null ? null : column.Default,
            NotNull = column.NotNull && !inherited.Any(p => p.NotNull),
            Identity = null,
            IdentityOptions = null,
            Storage = inherited.Any(p => p.Storage == column.Storage) ? null : column.Storage,
            Compression = inherited.Any(p => p.Compression == column.Compression) ? null : column.Compression,
        };
    }
}
