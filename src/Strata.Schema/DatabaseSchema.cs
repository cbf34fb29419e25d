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
    /// that belong to a table (constraints, indexes, triggers, policies, grants) go with their table, and so does a
    /// sequence the table owns (a <c>serial</c> column's). Called by <c>pull</c> (<c>--schema</c>/<c>--table</c>) and
    /// to leave out Strata's own history tables.
    /// </summary>
    public DatabaseSchema Filter(SchemaFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var tables = Tables.Where(t => filter.IncludesTable(t.Name)).ToList();
        var kept = tables.Select(t => t.Name).ToHashSet();
        var ownedByLeftOut = Objects.Where(o => o.Kind is ObjectKind.SequenceOwner && o.Table is { } owner && !kept.Contains(owner)).Select(o => o.Name).ToHashSet();
        var objects = Objects.Where(o => o.Table is { } table
            ? kept.Contains(table)
            : o.Kind is ObjectKind.Extension || (o.Kind switch
            {
                ObjectKind.Schema => filter.IncludesSchema(o.Name.Name),
                ObjectKind.Sequence => filter.IncludesObject(o.Name) && !ownedByLeftOut.Contains(o.Name),
                _ => filter.IncludesObject(o.Name),
            }));
        return new DatabaseSchema(tables, objects);
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
}
