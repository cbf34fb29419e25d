namespace Strata.Schema;

/// <summary>
/// A user relation as <see cref="IMigrationProbe"/> saw it in <c>pg_class</c>: its oid, name, kind (<c>relkind</c>:
/// r table, p partitioned table, m materialized view, v view, f foreign table, S sequence, i/I index), its data file
/// (<c>relfilenode</c>, which changes when PostgreSQL rewrites it) and, for an index, the table it belongs to.
/// </summary>
/// <param name="Oid">The relation's oid.</param>
/// <param name="Name">Schema and name.</param>
/// <param name="Kind">The <c>relkind</c>.</param>
/// <param name="FileNode">The <c>relfilenode</c> (0 for relations without storage).</param>
/// <param name="Table">For an index, its table's name; otherwise <paramref name="Name"/>.</param>
public sealed record ProbedRelation(uint Oid, QualifiedName Name, char Kind, uint FileNode, QualifiedName Table)
{
    /// <summary>True for an index (plain or partitioned).</summary>
    public bool IsIndex => Kind is 'i' or 'I';

    /// <summary>True for relations whose data file a rewrite replaces: tables, materialized views and indexes.</summary>
    public bool HasData => Kind is 'r' or 'm' or 'i';

    /// <summary><c>table public.orders</c>, <c>index public.orders_pkey</c>: kind and name, for messages.</summary>
    public string Description => $"{KindName} {Name}";

    /// <summary><c>table</c>, <c>index</c>, <c>view</c> and so on, for messages.</summary>
    public string KindName => Kind switch
    {
        'r' => "table",
        'p' => "partitioned table",
        'm' => "materialized view",
        'v' => "view",
        'f' => "foreign table",
        'S' => "sequence",
        _ => "index",
    };
}
