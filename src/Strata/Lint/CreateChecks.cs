namespace Strata.Lint;

/// <summary>
/// <c>CREATE …</c>: records what the statement creates (tables, temporary tables, indexes, materialized views, functions
/// with their volatility) and checks index builds. Temporary tables and <c>pg_temp</c> functions are not schema changes.
/// </summary>
internal static class CreateChecks
{
    private static readonly string[][] Scopes = [["GLOBAL"], ["LOCAL"]];

    public static void Check(StatementView s, LintScope scope)
    {
        var at = s.Skip(1, ["OR", "REPLACE"]);
        var temporary = s.Is(s.Skip(at, Scopes), "TEMP") || s.Is(s.Skip(at, Scopes), "TEMPORARY");
        var table = s.Skip(at, ["GLOBAL"], ["LOCAL"], ["TEMP"], ["TEMPORARY"], ["UNLOGGED"]);
        if (s.Is(table, "TABLE") && s.Name(s.Skip(table + 1, ["IF", "NOT", "EXISTS"])) is var (name, next))
        {
            Table(s, scope, name, next, temporary);
            return;
        }

        if (s.Is(at, "FUNCTION") || s.Is(at, "PROCEDURE"))
        {
            Functions.Track(s, scope, at + 1);
            return;
        }

        if (s.Is(at, "TRIGGER") || s.Is(at, "CONSTRAINT", "TRIGGER"))
        {
            var on = s.Find(at, s.Words.Count, "ON");
            if (on >= 0 && s.Name(on + 1) is var (triggered, _) && scope.Exists(triggered))
            {
                scope.LocksExisting(s);
                scope.StrongLock($"CREATE TRIGGER on {triggered}", "a SHARE ROW EXCLUSIVE lock");
            }
        }
        else if (s.Is(1, "OR", "REPLACE") && (s.Is(at, "VIEW") || s.Is(at, "RECURSIVE", "VIEW")) && s.Name(s.Skip(at, ["RECURSIVE"]) + 1) is var (replaced, _))
        {
            scope.LocksExisting(s);
            scope.AccessExclusive($"CREATE OR REPLACE VIEW {replaced}");
        }
        else if (s.Is(at, "MATERIALIZED", "VIEW") && s.Name(s.Skip(at + 2, ["IF", "NOT", "EXISTS"])) is var (view, _))
        {
            scope.Folder.NewViews.Add(view);
        }
        else if (s.Is(at, "INDEX") || s.Is(at, "UNIQUE", "INDEX"))
        {
            Index(s, scope, s.Is(at, "UNIQUE") ? at + 2 : at + 1);
        }
    }

    private static void Table(StatementView s, LintScope scope, string name, int next, bool temporary)
    {
        if (temporary)
        {
            scope.TempTables.Add(name);
            return;
        }

        scope.TempTables.Remove(name);
        scope.NewTables.Add(name);
        foreach (var (column, typeAt, end) in ColumnList.Of(s, next))
        {
            scope.Folder.ColumnTypes[name + "." + column] = TypeChanges.Text(s, typeAt, end);
        }

        StyleChecks.CreateTable(s, scope, name, next);
    }

    private static void Index(StatementView s, LintScope scope, int at)
    {
        var concurrently = s.Is(at, "CONCURRENTLY");
        var afterConcurrently = concurrently ? at + 1 : at;
        var ifNotExists = s.Is(afterConcurrently, "IF", "NOT", "EXISTS");
        var on = s.Find(at, s.Words.Count, "ON");
        var nameAt = s.Skip(afterConcurrently, ["IF", "NOT", "EXISTS"]);
        string? index = null;
        if (nameAt < on && s.Name(nameAt) is var (found, _))
        {
            index = found;
            scope.NewIndexes.Add(found);
        }

        if (on < 0 || s.Name(s.Skip(on + 1, ["ONLY"])) is not var (table, _) || scope.Dialect != Dialect.PostgreSql)
        {
            return;
        }

        if (concurrently && scope.Transactional)
        {
            scope.Hit(LintRules.ConcurrentlyInTransaction, $"CREATE INDEX CONCURRENTLY on {table} in a transactional migration");
        }
        else if (concurrently && !ifNotExists && scope.Exists(table) && (index is null || !scope.DroppedIfExists.Contains(index)))
        {
            scope.Hit(LintRules.ConcurrentIndexNotRerunnable, index is null
                ? $"CREATE INDEX CONCURRENTLY on {table} has no name: a failed run leaves an INVALID index behind and a re-run builds a second one"
                : $"CREATE INDEX CONCURRENTLY {index} cannot be re-run after a failure (it leaves an INVALID index {index} behind)");
        }
        else if (!concurrently && scope.Exists(table))
        {
            scope.LocksExisting(s);
            scope.Hit(LintRules.CreateIndexNonConcurrently, $"creates an index on existing table {table} without CONCURRENTLY");
            scope.StrongLock($"CREATE INDEX on {table}", "a SHARE lock");
        }
    }
}
