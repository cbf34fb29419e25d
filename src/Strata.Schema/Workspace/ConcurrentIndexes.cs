using System.Text.RegularExpressions;

namespace Strata.Schema;

/// <summary>
/// PostgreSQL: what <c>strata generate</c> does with new indexes on tables that already exist. A plain
/// <c>CREATE INDEX</c> blocks every write to the table while it builds (lint's create-index-non-concurrently), so
/// those indexes move out of the plan into a migration of their own that runs without a transaction:
/// <c>DROP INDEX CONCURRENTLY IF EXISTS</c> (which also clears an INVALID index a failed run left, so it can be run
/// again) then <c>CREATE INDEX CONCURRENTLY</c>, and <c>DROP INDEX CONCURRENTLY</c> to undo. Indexes of tables the
/// same plan creates stay where they are: nothing reads an empty new table.
/// </summary>
internal static partial class ConcurrentIndexes
{
    /// <summary>The slug suffix of the migration that holds the concurrent index builds.</summary>
    public const string Suffix = "_indexes";

    /// <summary>
    /// The plans to write, in order, with the slug suffix of each: the plan unchanged (suffix "") when no index of an
    /// existing table is created; else the rest of the plan (when anything is left) then the concurrent builds.
    /// </summary>
    public static IReadOnlyList<(SchemaPlan Plan, string Suffix)> Split(SchemaPlan plan, DatabaseSchema current)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(current);
        var moved = plan.Up.Changes.Where(c => IsIndexOnExistingTable(c, current)).ToList();
        if (moved.Count == 0 || plan.Up.RunsOutsideTransaction)
        {
            return [(plan, "")];
        }

        var undo = moved.Select(c => Undo(plan.Down, c)).ToList();
        if (undo.Any(u => u is null))
        {
            return [(plan, "")]; // an index whose undo is not a plain drop: leave the plan as it is
        }

        var concurrent = new SchemaPlan(
            new SchemaDiff([.. moved.Select(c => Concurrently(c, undo[moved.IndexOf(c)]!))], []),
            new SchemaDiff([.. undo.Select(u => u! with { Statements = [.. u.Statements.Select(DropConcurrently)], OutsideTransaction = true })], []));
        var rest = new SchemaPlan(Without(plan.Up, moved), Without(plan.Down, undo!));
        return rest.Up.IsEmpty ? [(concurrent, "")] : [(rest, ""), (concurrent, Suffix)];
    }

    private static bool IsIndexOnExistingTable(SchemaChange change, DatabaseSchema current) =>
        change.Summary.StartsWith("create index ", StringComparison.Ordinal)
        && change.Statements.Count > 0
        && CreateIndex().Match(change.Statements[0]) is { Success: true }
        && change.Statements.Skip(1).All(s => s.StartsWith("COMMENT ON INDEX ", StringComparison.Ordinal))
        && change.Summary.Split(" on ") is [_, var table]
        && current.Tables.Any(t => t.Name.ToString() == table);

    /// <summary>The down plan's drop of the index <paramref name="create"/> makes: the same summary with "drop".</summary>
    private static SchemaChange? Undo(SchemaDiff down, SchemaChange create)
    {
        var summary = "drop " + create.Summary["create ".Length..];
        return down.Changes.FirstOrDefault(c => c.Summary == summary && c.Statements.Count == 1 && c.Statements[0].StartsWith("DROP INDEX IF EXISTS ", StringComparison.Ordinal));
    }

    private static SchemaChange Concurrently(SchemaChange create, SchemaChange drop) => create with
    {
        Statements = [DropConcurrently(drop.Statements[0]), CreateIndex().Replace(create.Statements[0], "CREATE ${unique}INDEX CONCURRENTLY ", 1), .. create.Statements.Skip(1)],
        OutsideTransaction = true,
    };

    private static string DropConcurrently(string drop) => "DROP INDEX CONCURRENTLY IF EXISTS " + drop["DROP INDEX IF EXISTS ".Length..];

    private static SchemaDiff Without(SchemaDiff diff, IReadOnlyList<SchemaChange> removed)
    {
        var kept = diff.Changes.Where(c => !removed.Contains(c)).ToList();
        var preamble = diff.Statements.Take(diff.Statements.Count - diff.Changes.Sum(c => c.Statements.Count)).ToList();
        return new SchemaDiff(kept, kept.Count == 0 ? [] : preamble);
    }

    [GeneratedRegex(@"^CREATE (?<unique>UNIQUE )?INDEX ")]
    private static partial Regex CreateIndex();
}
