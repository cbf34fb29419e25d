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
        if (existing)
        {
            scope.LocksExisting(s);
        }

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
            DropColumn(s, scope, table, existing, start);
            return true;
        }

        if (s.Is(start, "ALTER"))
        {
            AlterColumnChecks.Check(s, scope, table, existing, start, end);
            return true;
        }

        if (s.Is(start, "ADD"))
        {
            return AddChecks.Check(s, scope, table, existing, start, end);
        }

        if (scope.Dialect == Dialect.Sqlite)
        {
            scope.Hit(LintRules.SqliteAlterUnsupported, $"ALTER TABLE {table} {s.Words[start].Raw} … is not supported by SQLite");
            return true;
        }

        if (s.Is(start, "VALIDATE", "CONSTRAINT") && s.Name(start + 2) is var (constraint, _))
        {
            Validate(scope, table, constraint);
        }
        else if ((s.Is(start, "SET", "LOGGED") || s.Is(start, "SET", "UNLOGGED")) && existing)
        {
            scope.Hit(LintRules.SetLogged, $"sets {table} {s.Words[start + 1].Upper}, rewriting it");
        }

        return !s.Is(start, "VALIDATE") && !s.Is(start, "SET", "STATISTICS");
    }

    private static void Validate(LintScope scope, string table, string constraint)
    {
        if (scope.Folder.NotNullChecks.Remove($"{table}.{constraint}", out var column))
        {
            scope.Folder.ProvenNotNull.Add(column);
        }

        if (scope.Transactional && scope.NotValidConstraints.Contains(constraint))
        {
            scope.Hit(LintRules.ValidateInSameTransaction, $"validates {constraint} on {table} in the transaction that added it NOT VALID");
        }
    }

    private static void DropColumn(StatementView s, LintScope scope, string table, bool existing, int start)
    {
        if (s.Is(start + 1, "CONSTRAINT") || s.Name(s.Skip(start + 1, ["COLUMN"], ["IF", "EXISTS"])) is not var (column, _))
        {
            return;
        }

        if (existing && scope.Folder.Column(table, column) is null)
        {
            scope.Hit(LintRules.DropColumn, $"drops column {table}.{column}");
        }

        scope.Folder.Forget(table, column);
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

            if (scope.TempTables.Remove(table))
            {
                scope.TempTables.Add(newName);
            }

            scope.Folder.RenameTable(table, newName);
            return;
        }

        if (s.Is(start + 1, "CONSTRAINT") || s.Name(s.Skip(start + 1, ["COLUMN"])) is not var (column, after) || !s.Is(after, "TO") || s.Name(after + 1) is not var (to, _))
        {
            return;
        }

        if (existing && scope.Folder.Column(table, column) is null)
        {
            scope.Hit(LintRules.Rename, $"renames column {table}.{column} to {to}");
        }

        scope.Folder.RenameColumn(table, column, to);
    }
}
