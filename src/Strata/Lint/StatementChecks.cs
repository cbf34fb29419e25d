using Strata.Sql;

namespace Strata.Lint;

/// <summary>Sends each statement to the rules for its kind and keeps the run's knowledge (new tables, lock_timeout).</summary>
internal static class StatementChecks
{
    private static readonly string[][] TableKinds = [["GLOBAL"], ["LOCAL"], ["TEMP"], ["TEMPORARY"], ["UNLOGGED"]];

    public static void Check(StatementView s, LintScope scope)
    {
        if (s.Words.Count == 0)
        {
            return;
        }

        if (s.Is(0, "CREATE"))
        {
            scope.FirstDdl ??= s;
            Create(s, scope);
        }
        else if (s.Is(0, "ALTER", "TABLE"))
        {
            scope.FirstDdl ??= s;
            AlterTableChecks.Check(s, scope);
        }
        else if (s.Is(0, "DROP"))
        {
            scope.FirstDdl ??= s;
            DropChecks.Check(s, scope);
        }
        else if (s.Is(0, "TRUNCATE"))
        {
            scope.FirstDdl ??= s;
            Truncate(s, scope);
        }
        else if (s.Is(0, "REINDEX") && s.Find(1, s.Words.Count, "CONCURRENTLY") >= 0 && scope.Transactional && scope.IsPostgres)
        {
            scope.Hit(LintRules.ConcurrentlyInTransaction, "REINDEX CONCURRENTLY in a transactional migration");
        }
        else if (s.Is(0, "SET", "LOCK_TIMEOUT") || s.Is(0, "SET", "LOCAL", "LOCK_TIMEOUT") || s.Is(0, "SET", "SESSION", "LOCK_TIMEOUT"))
        {
            scope.FileSetsLockTimeout = true;
        }
        else
        {
            DataChecks.Check(s, scope);
        }
    }

    private static void Create(StatementView s, LintScope scope)
    {
        var at = s.Skip(1, ["OR", "REPLACE"]);
        var table = s.Skip(at, TableKinds);
        if (s.Is(table, "TABLE") && s.Name(s.Skip(table + 1, ["IF", "NOT", "EXISTS"])) is var (name, _))
        {
            scope.NewTables.Add(name);
            return;
        }

        if (s.Is(at, "UNIQUE"))
        {
            at++;
        }

        if (s.Is(at, "INDEX"))
        {
            CreateIndex(s, scope, at + 1);
        }
    }

    private static void CreateIndex(StatementView s, LintScope scope, int at)
    {
        var concurrently = s.Is(at, "CONCURRENTLY");
        var on = s.Find(at, s.Words.Count, "ON");
        var nameAt = s.Skip(concurrently ? at + 1 : at, ["IF", "NOT", "EXISTS"]);
        if (nameAt < on && s.Name(nameAt) is var (index, _))
        {
            scope.NewIndexes.Add(index);
        }

        if (on < 0 || s.Name(s.Skip(on + 1, ["ONLY"])) is not var (table, _) || scope.Flavor != SqlFlavor.PostgreSql)
        {
            return;
        }

        if (concurrently && scope.Transactional)
        {
            scope.Hit(LintRules.ConcurrentlyInTransaction, $"CREATE INDEX CONCURRENTLY on {table} in a transactional migration");
        }
        else if (!concurrently && scope.Exists(table))
        {
            scope.Hit(LintRules.CreateIndexNonConcurrently, $"creates an index on existing table {table} without CONCURRENTLY");
        }
    }

    private static void Truncate(StatementView s, LintScope scope)
    {
        var at = s.Skip(1, ["TABLE"], ["ONLY"]);
        foreach (var (start, _) in s.TopLevelParts(at, s.Words.Count))
        {
            if (s.Name(s.Skip(start, ["ONLY"])) is var (table, _) && scope.Exists(table))
            {
                scope.Hit(LintRules.Truncate, $"truncates table {table}");
                scope.AccessExclusive($"TRUNCATE {table}");
            }
        }
    }
}
