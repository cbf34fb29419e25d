namespace Strata.Lint;

/// <summary>The rules about <c>ALTER TABLE</c>: each comma-separated action is checked on its own.</summary>
internal static class AlterTableChecks
{
    private static readonly string[][] TableModifiers = [["IF", "EXISTS"], ["ONLY"]];

    public static void Check(StatementView s, LintScope scope)
    {
        var at = s.Skip(2, TableModifiers);
        if (s.Name(at) is not var (table, next))
        {
            return;
        }

        var existing = scope.Exists(table);
        var exclusive = false;
        foreach (var (start, end) in s.TopLevelParts(next, s.Words.Count))
        {
            if (start >= end)
            {
                continue;
            }

            exclusive |= Action(s, scope, table, existing, start, end);
        }

        if (existing && exclusive)
        {
            scope.AccessExclusive($"ALTER TABLE {table}");
        }
    }

    /// <summary>Checks one action; true when it takes an ACCESS EXCLUSIVE lock.</summary>
    private static bool Action(StatementView s, LintScope scope, string table, bool existing, int start, int end)
    {
        if (s.Is(start, "RENAME"))
        {
            Rename(s, scope, table, existing, start);
            return true;
        }

        if (s.Is(start, "DROP"))
        {
            if (!s.Is(start + 1, "CONSTRAINT") && existing && s.Name(s.Skip(start + 1, ["COLUMN"], ["IF", "EXISTS"])) is var (column, _))
            {
                scope.Hit(LintRules.DropColumn, $"drops column {table}.{column}");
            }

            return true;
        }

        if (s.Is(start, "ALTER"))
        {
            AlterColumn(s, scope, table, existing, start, end);
            return true;
        }

        if (s.Is(start, "ADD"))
        {
            return AddChecks.Check(s, scope, table, existing, start, end);
        }

        if (scope.Flavor == Sql.SqlFlavor.Sqlite)
        {
            scope.Hit(LintRules.SqliteAlterUnsupported, $"ALTER TABLE {table} {s.Words[start].Raw} … is not supported by SQLite");
        }

        return !s.Is(start, "VALIDATE") && !s.Is(start, "SET", "STATISTICS");
    }

    private static void Rename(StatementView s, LintScope scope, string table, bool existing, int start)
    {
        if (s.Is(start + 1, "TO") && s.Name(start + 2) is var (newName, _))
        {
            if (existing)
            {
                scope.Hit(LintRules.Rename, $"renames table {table} to {newName}");
            }
            else if (scope.DroppedTables.Contains(newName))
            {
                scope.RebuiltTables.Add(newName);
            }

            scope.NewTables.Add(newName);
            return;
        }

        if (!s.Is(start + 1, "CONSTRAINT") && existing && s.Name(s.Skip(start + 1, ["COLUMN"])) is var (column, after) && s.Is(after, "TO") && s.Name(after + 1) is var (to, _))
        {
            scope.Hit(LintRules.Rename, $"renames column {table}.{column} to {to}");
        }
    }

    private static void AlterColumn(StatementView s, LintScope scope, string table, bool existing, int start, int end)
    {
        if (scope.Flavor == Sql.SqlFlavor.Sqlite)
        {
            scope.Hit(LintRules.SqliteAlterUnsupported, $"ALTER TABLE {table} ALTER COLUMN is not supported by SQLite");
            return;
        }

        if (!existing || s.Name(s.Skip(start + 1, ["COLUMN"])) is not var (column, next))
        {
            return;
        }

        if (s.Is(next, "TYPE") || s.Is(next, "SET", "DATA", "TYPE"))
        {
            var type = s.Find(next, end, "TYPE") + 1;
            scope.Hit(LintRules.AlterColumnType, $"changes the type of {table}.{column} to {s.Text(type, end)}");
        }
        else if (s.Is(next, "SET", "NOT", "NULL"))
        {
            scope.Hit(LintRules.SetNotNull, $"sets {table}.{column} NOT NULL");
        }
    }
}
