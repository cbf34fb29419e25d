namespace Strata.Lint;

/// <summary>
/// <c>ALTER TABLE … ALTER COLUMN</c>: type changes (a rewrite), SET NOT NULL (a scan, and for a column new in the release a
/// column the previous release does not write), and the defaults of columns new in the release.
/// </summary>
internal static class AlterColumnChecks
{
    public static void Check(StatementView s, LintScope scope, string table, bool existing, int start, int end)
    {
        if (scope.Dialect == Dialect.Sqlite)
        {
            scope.Hit(LintRules.SqliteAlterUnsupported, $"ALTER TABLE {table} ALTER COLUMN is not supported by SQLite");
            return;
        }

        if (!existing || s.Name(s.Skip(start + 1, ["COLUMN"])) is not var (column, next))
        {
            return;
        }

        // A column new in the release may have been backfilled: a type change rewrites the table whatever the column holds.
        var added = scope.Folder.Column(table, column);
        if (s.Is(next, "TYPE") || s.Is(next, "SET", "DATA", "TYPE"))
        {
            ChangeType(s, scope, table, column, s.Find(next, end, "TYPE") + 1, end);
        }
        else if (s.Is(next, "SET", "NOT", "NULL"))
        {
            SetNotNull(scope, table, column, added);
        }
        else if (s.Is(next, "SET", "DEFAULT") && added is not null)
        {
            added.HasDefault = !(s.Is(next + 2, "NULL") && next + 3 >= end);
        }
        else if (s.Is(next, "DROP", "DEFAULT") && added is not null)
        {
            added.HasDefault = false;
            if (added.NotNull)
            {
                scope.Hit(LintRules.NewRequiredColumn, $"drops the default of {table}.{column}, a NOT NULL column new in this release: the previous release does not write it");
            }
        }
    }

    /// <summary>A type change, unless the type the migrations declared changes without a rewrite (varchar(26) to varchar, varchar to text).</summary>
    private static void ChangeType(StatementView s, LintScope scope, string table, string column, int type, int end)
    {
        StyleChecks.Type(s, scope, $"{table}.{column}", type, end);
        var key = table + "." + column;
        var to = TypeChanges.Text(s, type, end);
        var safe = scope.Folder.ColumnTypes.TryGetValue(key, out var from) && s.Find(type, end, "USING") < 0 && TypeChanges.IsSafe(from, to);
        scope.Folder.ColumnTypes[key] = to;
        if (!safe)
        {
            scope.Hit(LintRules.AlterColumnType, $"changes the type of {table}.{column} to {s.Text(type, end)}" + (from is null ? "" : $" (from {from.ToLowerInvariant()})"));
        }
    }

    private static void SetNotNull(LintScope scope, string table, string column, NewColumn? added)
    {
        if (!scope.Folder.ProvenNotNull.Contains(table + "." + column))
        {
            scope.Hit(LintRules.SetNotNull, $"sets {table}.{column} NOT NULL");
        }

        if (added is null)
        {
            return;
        }

        added.NotNull = true;
        if (!added.HasDefault)
        {
            scope.Hit(LintRules.NewRequiredColumn, $"sets {table}.{column} NOT NULL without a default; the column is new in this release, so the previous release does not write it");
        }
    }
}
