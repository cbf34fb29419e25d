namespace Strata.Schema;

/// <summary>How big a relation of the target database is, from <see cref="IMigrationMeasuring.ReadSizesAsync"/>.</summary>
/// <param name="Kind">Its <c>relkind</c> (r, p, m: sized; anything else: not a table).</param>
/// <param name="Rows">The estimated row count: the larger of <c>pg_class.reltuples</c> and <c>pg_stat_user_tables.n_live_tup</c>, summed over partitions.</param>
/// <param name="Bytes"><c>pg_total_relation_size</c> (table, indexes and TOAST), summed over partitions.</param>
public sealed record TableSize(char Kind, long Rows, long Bytes)
{
    /// <summary>True for tables, partitioned tables and materialized views: the relations that hold rows.</summary>
    public bool HoldsRows => Kind is 'r' or 'p' or 'm';
}
