namespace Strata.Schema;

/// <summary>
/// A whole schema state: tables and every other object, sorted by name so that rendering is deterministic, and the
/// objects the engine found but cannot model (<see cref="Unmanaged"/>). Built by a dialect's introspector (from a live
/// database, a scratch database holding <c>schema.sql</c>, or the migrations' result) and compared by
/// <see cref="SchemaDiffer"/>. Immutable.
/// </summary>
public sealed class DatabaseSchema
{
    /// <summary>Creates a state; tables and objects are sorted by name (and kind) here.</summary>
    public DatabaseSchema(IEnumerable<TableDefinition> tables, IEnumerable<SchemaObject> objects)
        : this(tables, objects, [])
    {
    }

    /// <summary>Creates a state with the objects the engine cannot model; all lists are sorted here.</summary>
    public DatabaseSchema(IEnumerable<TableDefinition> tables, IEnumerable<SchemaObject> objects, IEnumerable<UnmanagedObject> unmanaged)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(unmanaged);
        Tables = [.. tables.OrderBy(t => t.Name)];
        Objects = [.. objects.OrderBy(o => o.Kind).ThenBy(o => o.Table ?? default).ThenBy(o => o.Name).ThenBy(o => o.Arguments, StringComparer.Ordinal)];
        Unmanaged = [.. unmanaged.Distinct().OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name)];
    }

    /// <summary>The empty state (no tables, no objects).</summary>
    public static DatabaseSchema Empty { get; } = new([], []);

    /// <summary>The tables, by name.</summary>
    public IReadOnlyList<TableDefinition> Tables { get; }

    /// <summary>Every other object, by kind, table and name.</summary>
    public IReadOnlyList<SchemaObject> Objects { get; }

    /// <summary>Objects the database holds that the engine cannot model: listed as "not managed", never diffed.</summary>
    public IReadOnlyList<UnmanagedObject> Unmanaged { get; }

    /// <summary>The table named <paramref name="name"/>, or null.</summary>
    public TableDefinition? Table(QualifiedName name) => Tables.FirstOrDefault(t => t.Name == name);

    /// <summary>
    /// The part of this state that <paramref name="filter"/> keeps: its tables and the objects in its schemas; objects
    /// that belong to a table, view or other object (constraints, indexes, triggers, policies, grants) go with it, and
    /// so does a sequence a kept table owns (a <c>serial</c> column's); a cast is kept when the schemas of its types and
    /// function are. Called by <c>pull</c> (<c>--schema</c>/<c>--table</c>)
    /// and to leave out Strata's own history tables.
    /// </summary>
    public DatabaseSchema Filter(SchemaFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var tables = Tables.Where(t => filter.IncludesTable(t.Name)).ToList();
        var kept = tables.Select(t => t.Name).ToHashSet();
        var dropped = Tables.Select(t => t.Name).Where(n => !kept.Contains(n)).ToHashSet();
        var ownedByLeftOut = Objects.Where(o => o.Kind is ObjectKind.SequenceOwner && o.Table is { } owner && dropped.Contains(owner)).Select(o => o.Name).ToHashSet();
        var free = Objects.Where(o => o.Table is null && Keeps(filter, o) && !(o.Kind is ObjectKind.Sequence && ownedByLeftOut.Contains(o.Name))).ToList();
        kept.UnionWith(free.Select(o => o.Name));
        var owned = Objects.Where(o => o.Table is { } table && (kept.Contains(table) || (!dropped.Contains(table) && table.Schema is null && filter.IncludesSchema(table.Name))));
        var unmanaged = Unmanaged.Where(u => filter.IncludesSchema(u.Name.Schema));
        return new DatabaseSchema(tables, free.Concat(owned), unmanaged);
    }

    /// <summary>
    /// The patterns of <paramref name="filter"/> that match nothing here: a <c>--schema</c> pattern no schema of this
    /// state matches (<paramref name="defaultSchema"/>, e.g. <c>public</c>, always exists), a <c>--table</c> pattern no
    /// table of the kept schemas matches. <c>pull</c> refuses such a filter instead of writing an empty schema.
    /// </summary>
    public IReadOnlyList<string> Unmatched(SchemaFilter filter, string? defaultSchema)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var schemas = Objects.Where(o => o.Kind is ObjectKind.Schema).Select(o => o.Name.Name)
            .Concat(Tables.Select(t => t.Name.Schema).OfType<string>())
            .Concat(defaultSchema is null ? [] : [defaultSchema])
            .ToHashSet(StringComparer.Ordinal);
        var unmatched = filter.Schemas.Where(p => !schemas.Any(s => new SchemaFilter { Schemas = [p] }.IncludesSchema(s))).Select(p => "schema " + p);
        var tables = filter.Tables.Where(p => !Tables.Any(t => new SchemaFilter { Schemas = filter.Schemas, Tables = [p] }.IncludesTable(t.Name))).Select(p => "table " + p);
        return [.. unmatched, .. tables];
    }

    private static bool Keeps(SchemaFilter filter, SchemaObject item) => item.Kind switch
    {
        ObjectKind.Extension or ObjectKind.EventTrigger or ObjectKind.Publication => true,
        ObjectKind.Schema => filter.IncludesSchema(item.Name.Name),
        ObjectKind.Cast => item.DependsOn.All(filter.IncludesObject),
        _ => filter.IncludesObject(item.Name),
    };
}
