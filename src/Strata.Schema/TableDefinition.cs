namespace Strata.Schema;

/// <summary>
/// A table and its columns in declaration order. Constraints, indexes, triggers, policies and grants that belong to
/// the table are <see cref="SchemaObject"/>s whose <see cref="SchemaObject.Table"/> names it.
/// </summary>
/// <param name="Name">The table's name.</param>
/// <param name="Columns">The columns, in the engine's order.</param>
public sealed record TableDefinition(QualifiedName Name, IReadOnlyList<ColumnDefinition> Columns)
{
    /// <summary>The table comment, or null.</summary>
    public string? Comment { get; init; }

    /// <summary>PostgreSQL: row-level security is enabled.</summary>
    public bool RowLevelSecurity { get; init; }

    /// <summary>PostgreSQL: row-level security also applies to the owner (FORCE).</summary>
    public bool ForceRowLevelSecurity { get; init; }

    /// <summary>Table options that are part of its definition, e.g. SQLite's <c>WITHOUT ROWID</c> or <c>STRICT</c>, PostgreSQL's <c>PARTITION BY …</c>; null for none.</summary>
    public string? Options { get; init; }

    /// <summary>PostgreSQL: an unlogged table.</summary>
    public bool Unlogged { get; init; }

    /// <summary>PostgreSQL: storage parameters, e.g. <c>fillfactor='70', toast.autovacuum_enabled='false'</c>, or null.</summary>
    public string? StorageParameters { get; init; }

    /// <summary>PostgreSQL: <c>FULL</c> or <c>NOTHING</c> when the replica identity is not the default (an index is set on the index).</summary>
    public string? ReplicaIdentity { get; init; }

    /// <summary>PostgreSQL: the partitioned table this table is a partition of, or null.</summary>
    public QualifiedName? PartitionOf { get; init; }

    /// <summary>PostgreSQL: a partition's bound, e.g. <c>FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')</c> or <c>DEFAULT</c>.</summary>
    public string? PartitionBound { get; init; }

    /// <summary>PostgreSQL: the tables this one inherits from (<c>INHERITS</c>), in order.</summary>
    public IReadOnlyList<QualifiedName> Inherits { get; init; } = [];

    /// <summary>Types, sequences, functions and collations the columns need (the diff orders the table after them).</summary>
    public IReadOnlyList<QualifiedName> DependsOn { get; init; } = [];

    /// <summary>The parents (partitioned table and inherited tables): they are created before and dropped after this one.</summary>
    public IEnumerable<QualifiedName> Parents => PartitionOf is { } parent ? [parent, .. Inherits] : Inherits;

    /// <summary>The column named <paramref name="name"/>, or null.</summary>
    public ColumnDefinition? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}
