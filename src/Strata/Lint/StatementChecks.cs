namespace Strata.Lint;

/// <summary>Sends each statement to the rules for its kind; the scope keeps what the file and the folder created.</summary>
internal static class StatementChecks
{
    public static void Check(StatementView s, LintScope scope)
    {
        if (s.Words.Count == 0)
        {
            return;
        }

        IdentifierChecks.Check(s, scope);
        if (s.Is(0, "CREATE"))
        {
            CreateChecks.Check(s, scope);
        }
        else if (s.Is(0, "ALTER", "TABLE"))
        {
            AlterTableChecks.Check(s, scope);
        }
        else if (s.Is(0, "ALTER"))
        {
            if (s.Is(1, "INDEX") || s.Is(1, "VIEW") || s.Is(1, "MATERIALIZED", "VIEW"))
            {
                scope.LocksExisting(s);
            }

            if (s.Is(1, "TYPE"))
            {
                StyleChecks.AlterType(s, scope);
            }
        }
        else if (s.Is(0, "DROP"))
        {
            DropChecks.Check(s, scope);
        }
        else if (s.Is(0, "TRUNCATE"))
        {
            Truncate(s, scope);
        }
        else if (s.Is(0, "SET", "LOCK_TIMEOUT") || s.Is(0, "SET", "LOCAL", "LOCK_TIMEOUT") || s.Is(0, "SET", "SESSION", "LOCK_TIMEOUT"))
        {
            scope.FileSetsLockTimeout = true;
        }
        else if (MaintenanceChecks.Check(s, scope))
        {
            if (scope.Hits.Count > 0)
            {
                scope.LocksExisting(s);
            }
        }
        else
        {
            DataChecks.Check(s, scope);
        }
    }

    private static void Truncate(StatementView s, LintScope scope)
    {
        var at = s.Skip(1, ["TABLE"], ["ONLY"]);
        foreach (var (start, _) in s.TopLevelParts(at, s.Words.Count))
        {
            if (s.Name(s.Skip(start, ["ONLY"])) is var (table, _) && scope.Exists(table))
            {
                scope.LocksExisting(s);
                scope.Hit(LintRules.Truncate, $"truncates table {table}");
                scope.AccessExclusive($"TRUNCATE {table}");
            }
        }
    }
}
