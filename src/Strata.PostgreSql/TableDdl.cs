using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>Table-level changes other than columns: comment, row-level security, logging, storage parameters, replica identity, parents.</summary>
internal static class TableDdl
{
    public static IReadOnlyList<string> Changes(TableDefinition before, TableDefinition after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var name = SchemaNames.Quote(after.Name);
        var statements = new List<string>();
        if (before.Comment != after.Comment)
        {
            statements.Add($"COMMENT ON TABLE {name} IS {PostgreSqlDdlRenderer.Literal(after.Comment)}");
        }

        if (before.RowLevelSecurity != after.RowLevelSecurity)
        {
            statements.Add($"ALTER TABLE {name} {(after.RowLevelSecurity ? "ENABLE" : "DISABLE")} ROW LEVEL SECURITY");
        }

        if (before.ForceRowLevelSecurity != after.ForceRowLevelSecurity)
        {
            statements.Add($"ALTER TABLE {name} {(after.ForceRowLevelSecurity ? "FORCE" : "NO FORCE")} ROW LEVEL SECURITY");
        }

        if (before.Unlogged != after.Unlogged)
        {
            statements.Add($"ALTER TABLE {name} SET {(after.Unlogged ? "UNLOGGED" : "LOGGED")}");
        }

        statements.AddRange(StorageParameters(name, before.StorageParameters, after.StorageParameters));
        if (before.ReplicaIdentity != after.ReplicaIdentity)
        {
            statements.Add($"ALTER TABLE {name} REPLICA IDENTITY {after.ReplicaIdentity ?? "DEFAULT"}");
        }

        statements.AddRange(before.Inherits.Except(after.Inherits).Select(p => $"ALTER TABLE {name} NO INHERIT {SchemaNames.Quote(p)}"));
        statements.AddRange(after.Inherits.Except(before.Inherits).Select(p => $"ALTER TABLE {name} INHERIT {SchemaNames.Quote(p)}"));
        if (before.PartitionOf != after.PartitionOf || before.PartitionBound != after.PartitionBound)
        {
            if (before.PartitionOf is { } old)
            {
                statements.Add($"ALTER TABLE {SchemaNames.Quote(old)} DETACH PARTITION {name}");
            }

            if (after.PartitionOf is { } parent)
            {
                statements.Add($"ALTER TABLE {SchemaNames.Quote(parent)} ATTACH PARTITION {name} {after.PartitionBound}");
            }
        }

        return statements;
    }

    /// <summary>RESET for the parameters no longer set, SET for the new or changed ones.</summary>
    private static IEnumerable<string> StorageParameters(string table, string? before, string? after)
    {
        var old = Pairs(before);
        var now = Pairs(after);
        var reset = old.Keys.Where(k => !now.ContainsKey(k)).ToList();
        var set = now.Where(p => old.GetValueOrDefault(p.Key) != p.Value).Select(p => p.Key + "=" + p.Value).ToList();
        if (reset.Count > 0)
        {
            yield return $"ALTER TABLE {table} RESET ({string.Join(", ", reset)})";
        }

        if (set.Count > 0)
        {
            yield return $"ALTER TABLE {table} SET ({string.Join(", ", set)})";
        }
    }

    private static Dictionary<string, string> Pairs(string? parameters) =>
        (parameters ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
}
