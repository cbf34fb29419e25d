namespace Strata.Lint;

/// <summary>The rules about <c>DROP TABLE</c>, <c>DROP SCHEMA</c> and <c>DROP INDEX</c>; drops of temporary objects are not schema changes.</summary>
internal static class DropChecks
{
    public static void Check(StatementView s, LintScope scope)
    {
        if (s.Is(1, "TABLE"))
        {
            DropTables(s, scope);
            return;
        }

        if (s.Is(1, "FUNCTION") || s.Is(1, "PROCEDURE"))
        {
            foreach (var name in Names(s, s.Skip(2, ["IF", "EXISTS"])))
            {
                Functions.Drop(name, scope);
            }

            return;
        }

        if (s.Is(1, "SCHEMA") || s.Is(1, "VIEW") || s.Is(1, "MATERIALIZED", "VIEW"))
        {
            scope.LocksExisting(s);
        }

        if (s.Is(1, "SCHEMA"))
        {
            foreach (var schema in Names(s, s.Skip(2, ["IF", "EXISTS"])))
            {
                scope.Hit(LintRules.DropSchema, $"drops schema {schema}{(s.Find(2, s.Words.Count, "CASCADE") >= 0 ? " with CASCADE" : "")}");
            }
        }
        else if (s.Is(1, "INDEX") && scope.Dialect == Dialect.PostgreSql)
        {
            DropIndex(s, scope);
        }
        else if (s.Is(1, "MATERIALIZED", "VIEW"))
        {
            scope.Folder.NewViews.ExceptWith(Names(s, s.Skip(3, ["IF", "EXISTS"])));
        }
    }

    private static void DropTables(StatementView s, LintScope scope)
    {
        foreach (var table in Names(s, s.Skip(2, ["IF", "EXISTS"])).ToList())
        {
            if (scope.Exists(table))
            {
                scope.LocksExisting(s);
                scope.Hit(LintRules.DropTable, $"drops table {table}");
                scope.DroppedTables.Add(table);
                scope.AccessExclusive($"DROP TABLE {table}");
            }

            scope.NewTables.Remove(table);
            scope.TempTables.Remove(table);
            scope.Folder.Forget(table, null);
        }
    }

    private static void DropIndex(StatementView s, LintScope scope)
    {
        var concurrently = s.Is(2, "CONCURRENTLY");
        var at = concurrently ? 3 : 2;
        var indexes = Names(s, s.Skip(at, ["IF", "EXISTS"])).ToList();
        if (s.Is(at, "IF", "EXISTS"))
        {
            scope.DroppedIfExists.UnionWith(indexes);
        }

        if (concurrently)
        {
            if (scope.Transactional)
            {
                scope.Hit(LintRules.ConcurrentlyInTransaction, $"DROP INDEX CONCURRENTLY {string.Join(", ", indexes)} in a transactional migration");
            }

            return;
        }

        var existing = indexes.Where(i => !scope.NewIndexes.Contains(i)).ToList();
        if (existing.Count > 0)
        {
            scope.LocksExisting(s);
            scope.Hit(LintRules.DropIndexNonConcurrently, $"drops index {string.Join(", ", existing)} without CONCURRENTLY");
            scope.AccessExclusive($"DROP INDEX {string.Join(", ", existing)}");
        }
    }

    /// <summary>The names of a comma-separated list starting at <paramref name="at"/>.</summary>
    private static IEnumerable<string> Names(StatementView s, int at)
    {
        foreach (var (start, _) in s.TopLevelParts(at, s.Words.Count))
        {
            if (s.Name(start) is var (name, _))
            {
                yield return name;
            }
        }
    }
}
