namespace Strata.Schema;

/// <summary>
/// A whole schema state: tables and every other object, sorted by name so that rendering is deterministic. Built by a
/// dialect's introspector (from a live database, a scratch database holding <c>schema.sql</c>, or the migrations'
/// result) and compared by <see cref="SchemaDiffer"/>. Immutable.
/// </summary>
public sealed class DatabaseSchema
{
    /// <summary>Creates a state; tables and objects are sorted by name (and kind) here.</summary>
    public DatabaseSchema(IEnumerable<TableDefinition> tables, IEnumerable<SchemaObject> objects)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(objects);
        Tables = [.. tables.OrderBy(t => t.Name)];
        Objects = [.. objects.OrderBy(o => o.Kind).ThenBy(o => o.Table ?? default).ThenBy(o => o.Name).ThenBy(o => o.Arguments, StringComparer.Ordinal)];
    }

    /// <summary>The empty state (no tables, no objects).</summary>
    public static DatabaseSchema Empty { get; } = new([], []);

    /// <summary>The tables, by name.</summary>
    public IReadOnlyList<TableDefinition> Tables { get; }

    /// <summary>Every other object, by kind, table and name.</summary>
    public IReadOnlyList<SchemaObject> Objects { get; }

    /// <summary>The table named <paramref name="name"/>, or null.</summary>
    public TableDefinition? Table(QualifiedName name) => Tables.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// The part of this state that <paramref name="filter"/> keeps: its tables and the objects in its schemas; objects
    /// that belong to a table (constraints, indexes, triggers, policies, grants) go with their table. Called by
    /// <c>pull</c> (<c>--schema</c>/<c>--table</c>) and to leave out Strata's own history tables.
    /// </summary>
    public DatabaseSchema Filter(SchemaFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var tables = Tables.Where(t => filter.IncludesTable(t.Name)).ToList();
        var kept = tables.Select(t => t.Name).ToHashSet();
        var objects = Objects.Where(o => o.Table is { } table
            ? kept.Contains(table)
            : o.Kind is ObjectKind.Extension || (o.Kind is ObjectKind.Schema ? filter.IncludesSchema(o.Name.Name) : filter.IncludesObject(o.Name)));
        return new DatabaseSchema(tables, objects);
    }
}
