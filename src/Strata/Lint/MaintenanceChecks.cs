namespace Strata.Lint;

/// <summary>
/// Maintenance statements in migrations: <c>REINDEX</c>, <c>CLUSTER</c>, <c>VACUUM</c>, <c>LOCK TABLE</c> and
/// <c>REFRESH MATERIALIZED VIEW</c>, each of which locks an existing table for as long as it works (or, for
/// <c>VACUUM</c>, cannot run in a transaction). Objects new in the release are not flagged. PostgreSQL only.
/// </summary>
internal static class MaintenanceChecks
{
    private static readonly HashSet<string> BlockingModes = new(StringComparer.Ordinal) { "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE" };

    public static bool Check(StatementView s, LintScope scope)
    {
        if (!scope.IsPostgres)
        {
            return false;
        }

        if (s.Is(0, "REINDEX"))
        {
            Reindex(s, scope);
        }
        else if (s.Is(0, "CLUSTER"))
        {
            var table = s.Name(s.Skip(1, ["VERBOSE"]))?.Name;
            if (table is null || scope.Exists(table))
            {
                scope.Hit(LintRules.Cluster, table is null ? "CLUSTER of every clustered table" : $"CLUSTER rewrites table {table}");
                scope.AccessExclusive("CLUSTER");
            }
        }
        else if (s.Is(0, "VACUUM"))
        {
            Vacuum(s, scope);
        }
        else if (s.Is(0, "LOCK"))
        {
            Lock(s, scope);
        }
        else if (s.Is(0, "REFRESH", "MATERIALIZED", "VIEW"))
        {
            if (!s.Is(3, "CONCURRENTLY") && s.Name(3) is var (view, _) && !scope.Folder.NewViews.Contains(view))
            {
                scope.Hit(LintRules.RefreshMaterializedView, $"refreshes materialized view {view} without CONCURRENTLY");
                scope.AccessExclusive($"REFRESH MATERIALIZED VIEW {view}");
            }
        }
        else
        {
            return false;
        }

        return true;
    }

    private static void Reindex(StatementView s, LintScope scope)
    {
        var concurrently = s.Contains(1, s.Words.Count, "CONCURRENTLY");
        if (concurrently)
        {
            if (scope.Transactional)
            {
                scope.Hit(LintRules.ConcurrentlyInTransaction, "REINDEX CONCURRENTLY in a transactional migration");
            }

            return;
        }

        var kind = s.Skip(1, ["VERBOSE"]);
        if (kind < s.Words.Count && s.Words[kind].Kind == Sql.SqlTokenKind.OpenParen)
        {
            while (kind < s.Words.Count && !(s.Words[kind].Kind == Sql.SqlTokenKind.CloseParen && s.Words[kind].Depth == 0))
            {
                kind++;
            }

            kind++;
        }

        var target = s.Name(kind + 1)?.Name;
        var isNew = target is not null && (s.Is(kind, "INDEX") ? scope.NewIndexes.Contains(target) : s.Is(kind, "TABLE") && !scope.Exists(target));
        if (!isNew)
        {
            var what = kind < s.Words.Count ? s.Words[kind].Upper.ToLowerInvariant() : "index";
            scope.Hit(LintRules.ReindexNonConcurrently, $"REINDEX {what} {target} without CONCURRENTLY".TrimEnd());
            scope.AccessExclusive("REINDEX");
        }
    }

    private static void Vacuum(StatementView s, LintScope scope)
    {
        if (scope.Transactional)
        {
            scope.Hit(LintRules.VacuumInTransaction, "VACUUM in a transactional migration fails: it cannot run inside a transaction block");
        }

        var full = false;
        var at = 1;
        for (; at < s.Words.Count && (s.Words[at].Depth > 0 || s.Words[at].Kind is Sql.SqlTokenKind.OpenParen or Sql.SqlTokenKind.CloseParen || s.Words[at].Upper is "FULL" or "FREEZE" or "VERBOSE" or "ANALYZE" or "ANALYSE"); at++)
        {
            full |= s.Words[at].IsKeyword("FULL") && !(at + 1 < s.Words.Count && s.Words[at + 1].Upper is "FALSE" or "OFF" or "0");
        }

        var table = s.Name(at)?.Name;
        if (full && (table is null || scope.Exists(table)))
        {
            scope.Hit(LintRules.VacuumFull, table is null ? "VACUUM FULL rewrites every table of the database" : $"VACUUM FULL rewrites table {table}");
        }
    }

    private static void Lock(StatementView s, LintScope scope)
    {
        var at = s.Skip(1, ["TABLE"], ["ONLY"]);
        var inAt = s.Find(at, s.Words.Count, "IN");
        var modeEnd = s.Find(at, s.Words.Count, "MODE");
        var mode = inAt >= 0 && modeEnd > inAt ? string.Join(' ', s.Words.Skip(inAt + 1).Take(modeEnd - inAt - 1).Select(w => w.Upper)) : "ACCESS EXCLUSIVE";
        var tables = s.TopLevelParts(at, inAt >= 0 ? inAt : s.Words.Count)
            .Select(p => s.Name(s.Skip(p.Start, ["ONLY"]))?.Name)
            .OfType<string>()
            .Where(scope.Exists)
            .ToList();
        if (tables.Count > 0 && BlockingModes.Contains(mode))
        {
            scope.Hit(LintRules.LockTable, $"locks {string.Join(", ", tables)} IN {mode} MODE until the migration commits");
            scope.StrongLock("LOCK TABLE", $"{(mode[0] is 'A' or 'E' ? "an" : "a")} {mode} lock");
        }
    }
}
