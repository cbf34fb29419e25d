using Strata.Sql;

namespace Strata.Lint;

/// <summary>The rules about <c>ALTER TABLE … ADD</c> of a constraint; columns are <see cref="AddColumnChecks"/>.</summary>
internal static class AddChecks
{
    /// <summary>Checks one ADD action at [start, end); true when it takes an ACCESS EXCLUSIVE lock.</summary>
    public static bool Check(StatementView s, LintScope scope, string table, bool existing, int start, int end)
    {
        var p = start + 1;
        string? name = null;
        if (s.Is(p, "CONSTRAINT"))
        {
            name = s.Name(p + 1)?.Name;
            p = s.Name(p + 1)?.Next ?? p + 1;
        }

        var constraint = name is not null || s.Is(p, "FOREIGN", "KEY") || s.Is(p, "CHECK") || s.Is(p, "PRIMARY", "KEY") || s.Is(p, "UNIQUE") || s.Is(p, "EXCLUDE");
        if (!constraint)
        {
            AddColumnChecks.Check(s, scope, table, existing, s.Skip(p, ["COLUMN"], ["IF", "NOT", "EXISTS"]), end);
            return true;
        }

        if (scope.Dialect == Dialect.Sqlite)
        {
            scope.Hit(LintRules.SqliteAlterUnsupported, $"ALTER TABLE {table} ADD CONSTRAINT is not supported by SQLite");
            return true;
        }

        var notValid = s.Find(p, end, "NOT", "VALID") >= 0;
        if (notValid && name is not null)
        {
            scope.NotValidConstraints.Add(name);
        }

        if (s.Is(p, "CHECK") && NotNullCheck(s, p + 1, end) is { } column)
        {
            if (!notValid)
            {
                scope.Folder.ProvenNotNull.Add($"{table}.{column}");
            }
            else if (name is not null)
            {
                scope.Folder.NotNullChecks[$"{table}.{name}"] = $"{table}.{column}";
            }
        }

        return !existing ? !s.Is(p, "FOREIGN", "KEY") : Constraint(s, scope, table, p, end, notValid);
    }

    private static bool Constraint(StatementView s, LintScope scope, string table, int p, int end, bool notValid)
    {
        if (s.Is(p, "FOREIGN", "KEY"))
        {
            if (!notValid)
            {
                scope.Hit(LintRules.ForeignKeyWithoutNotValid, $"adds a foreign key to {table} and validates every row at once");
            }

            scope.StrongLock($"ALTER TABLE {table} ADD FOREIGN KEY", "a SHARE ROW EXCLUSIVE lock on both tables");
            return false;
        }

        if (s.Is(p, "CHECK") && !notValid)
        {
            scope.Hit(LintRules.CheckWithoutNotValid, $"adds a CHECK constraint to {table} and validates every row at once");
        }
        else if ((s.Is(p, "PRIMARY", "KEY") || s.Is(p, "UNIQUE")) && s.Find(p, end, "USING", "INDEX") < 0)
        {
            scope.Hit(LintRules.UniqueWithoutIndex, $"adds a {(s.Is(p, "UNIQUE") ? "unique constraint" : "primary key")} to {table}, building its index under lock");
        }
        else if (s.Is(p, "EXCLUDE"))
        {
            scope.Hit(LintRules.ExclusionConstraint, $"adds an exclusion constraint to {table}, building its index and checking every row under ACCESS EXCLUSIVE");
        }

        return true;
    }

    /// <summary>The column of <c>CHECK (col IS NOT NULL)</c> (parentheses around it allowed) at <paramref name="at"/>, or null.</summary>
    private static string? NotNullCheck(StatementView s, int at, int end)
    {
        var words = s.Words.Skip(at).Take(end - at).Where(w => w.Kind is not (SqlTokenKind.OpenParen or SqlTokenKind.CloseParen)).ToList();
        var notValid = words.Count >= 2 && words[^2].IsKeyword("NOT") && words[^1].IsKeyword("VALID");
        var body = notValid ? words[..^2] : words;
        return body.Count == 4 && body[0].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && body[1].IsKeyword("IS") && body[2].IsKeyword("NOT") && body[3].IsKeyword("NULL")
            ? body[0].Identifier
            : null;
    }
}
