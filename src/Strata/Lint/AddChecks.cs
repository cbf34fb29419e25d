using Strata.Sql;

namespace Strata.Lint;

/// <summary>The rules about <c>ALTER TABLE … ADD</c>: constraints and columns.</summary>
internal static class AddChecks
{
    private static readonly HashSet<string> VolatileFunctions = new(StringComparer.Ordinal)
    {
        "RANDOM", "GEN_RANDOM_UUID", "UUID_GENERATE_V1", "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "UUIDV7", "UUIDV4",
        "CLOCK_TIMESTAMP", "TIMEOFDAY", "NEXTVAL", "TXID_CURRENT", "STATEMENT_TIMESTAMP",
    };

    private static readonly HashSet<string> SerialTypes = new(StringComparer.Ordinal) { "SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4", "SERIAL8" };

    /// <summary>Checks one ADD action at [start, end); true when it takes an ACCESS EXCLUSIVE lock.</summary>
    public static bool Check(StatementView s, LintScope scope, string table, bool existing, int start, int end)
    {
        var p = start + 1;
        var named = s.Is(p, "CONSTRAINT");
        if (named)
        {
            p = s.Name(p + 1)?.Next ?? p + 1;
        }

        var constraint = named || s.Is(p, "FOREIGN", "KEY") || s.Is(p, "CHECK") || s.Is(p, "PRIMARY", "KEY") || s.Is(p, "UNIQUE") || s.Is(p, "EXCLUDE");
        if (constraint)
        {
            if (scope.Flavor == SqlFlavor.Sqlite)
            {
                scope.Hit(LintRules.SqliteAlterUnsupported, $"ALTER TABLE {table} ADD CONSTRAINT is not supported by SQLite");
                return true;
            }

            return Constraint(s, scope, table, existing, p, end);
        }

        Column(s, scope, table, existing, s.Skip(p, ["COLUMN"], ["IF", "NOT", "EXISTS"]), end);
        return true;
    }

    private static bool Constraint(StatementView s, LintScope scope, string table, bool existing, int p, int end)
    {
        if (!existing)
        {
            return true;
        }

        var notValid = s.Find(p, end, "NOT", "VALID") >= 0;
        if (s.Is(p, "FOREIGN", "KEY"))
        {
            if (!notValid)
            {
                scope.Hit(LintRules.ForeignKeyWithoutNotValid, $"adds a foreign key to {table} and validates every row at once");
            }

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

        return true;
    }

    private static void Column(StatementView s, LintScope scope, string table, bool existing, int p, int end)
    {
        if (s.Name(p) is not var (column, next))
        {
            return;
        }

        var defaultAt = s.Find(next, end, "DEFAULT");
        var notNull = s.Find(next, end, "NOT", "NULL") >= 0;
        var generated = s.Find(next, end, "GENERATED") >= 0;
        var serial = next < end && SerialTypes.Contains(s.Words[next].Upper);
        if (scope.Flavor == SqlFlavor.Sqlite)
        {
            Sqlite(s, scope, table, column, next, end, defaultAt, notNull);
            return;
        }

        if (!existing)
        {
            return;
        }

        if (notNull && defaultAt < 0 && !generated && !serial)
        {
            scope.Hit(LintRules.AddNotNullColumn, $"adds NOT NULL column {table}.{column} without a default");
        }

        if (serial || (generated && s.Find(next, end, "IDENTITY") >= 0) || (generated && s.Find(next, end, "STORED") >= 0))
        {
            scope.Hit(LintRules.VolatileDefault, $"adds {table}.{column} whose values are computed per row ({(serial ? "serial" : "generated")}), rewriting the table");
        }
        else if (defaultAt >= 0 && VolatileCall(s, defaultAt + 1, end) is { } function)
        {
            scope.Hit(LintRules.VolatileDefault, $"adds {table}.{column} with the volatile default {function.ToLowerInvariant()}(), rewriting the table");
        }
    }

    private static void Sqlite(StatementView s, LintScope scope, string table, string column, int next, int end, int defaultAt, bool notNull)
    {
        if (s.Find(next, end, "PRIMARY", "KEY") >= 0 || s.Find(next, end, "UNIQUE") >= 0)
        {
            scope.Hit(LintRules.SqliteAddColumn, $"adds {table}.{column} as PRIMARY KEY or UNIQUE, which SQLite refuses");
        }
        else if (defaultAt >= 0 && defaultAt + 1 < end && (s.Words[defaultAt + 1].Kind == SqlTokenKind.OpenParen || s.Words[defaultAt + 1].Upper.StartsWith("CURRENT_", StringComparison.Ordinal)))
        {
            scope.Hit(LintRules.SqliteAddColumn, $"adds {table}.{column} with a non-constant default, which SQLite refuses");
        }
        else if (notNull && defaultAt < 0)
        {
            scope.Hit(LintRules.AddNotNullColumn, $"adds NOT NULL column {table}.{column} without a default (SQLite refuses this even on an empty table)");
        }
    }

    private static string? VolatileCall(StatementView s, int from, int end)
    {
        for (var i = from; i + 1 < end; i++)
        {
            if (s.Words[i].Kind == SqlTokenKind.Word && VolatileFunctions.Contains(s.Words[i].Upper) && s.Words[i + 1].Kind == SqlTokenKind.OpenParen)
            {
                return s.Words[i].Upper;
            }
        }

        return null;
    }
}
