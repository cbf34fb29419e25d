using Strata.Sql;

namespace Strata.Lint;

/// <summary>
/// <c>ALTER TABLE … ADD COLUMN</c>: what the new column costs on a table that has rows (a rewrite for a volatile
/// default, a scan for an inline CHECK or a foreign key with a default, an index build for UNIQUE or PRIMARY KEY, a
/// failure for NOT NULL without a default), SQLite's limits, and the column as new in the release.
/// </summary>
internal static class AddColumnChecks
{
    private static readonly HashSet<string> SerialTypes = new(StringComparer.Ordinal) { "SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4", "SERIAL8" };

    /// <summary>Checks the column definition at [<paramref name="p"/>, <paramref name="end"/>).</summary>
    public static void Check(StatementView s, LintScope scope, string table, bool existing, int p, int end)
    {
        if (s.Name(p) is not var (column, next))
        {
            return;
        }

        var definition = new ColumnDefinition(s, next, end);
        if (scope.Dialect == Dialect.Sqlite)
        {
            Sqlite(s, scope, table, column, definition, next, end);
            return;
        }

        scope.Folder.ColumnTypes[table + "." + column] = TypeChanges.Text(s, next, end);
        StyleChecks.Column(s, scope, table, column, next, end);
        if (!existing)
        {
            return;
        }

        scope.Folder.NewColumns[table + "." + column] = new NewColumn(definition.NotNull, definition.HasDefault);
        var serial = next < end && SerialTypes.Contains(s.Words[next].Upper);
        if (definition.NotNull && !definition.HasDefault && !definition.Generated && !serial)
        {
            scope.Hit(LintRules.AddNotNullColumn, $"adds NOT NULL column {table}.{column} without a default");
        }

        if (serial || (definition.Generated && (s.Find(next, end, "IDENTITY") >= 0 || s.Find(next, end, "STORED") >= 0)))
        {
            scope.Hit(LintRules.VolatileDefault, $"adds {table}.{column} whose values are computed per row ({(serial ? "serial" : "generated")}), rewriting the table");
        }
        else if (definition.DefaultAt >= 0 && Functions.VolatileCall(s, definition.DefaultAt + 1, definition.DefaultEnd, scope) is { } call)
        {
            scope.Hit(LintRules.VolatileDefault, $"adds {table}.{column} with {call}, rewriting the table");
        }

        Inline(s, scope, table, column, definition, next, end);
    }

    /// <summary>Inline constraints that scan or build under the lock: UNIQUE/PRIMARY KEY, CHECK, a foreign key with a non-null default.</summary>
    private static void Inline(StatementView s, LintScope scope, string table, string column, ColumnDefinition definition, int next, int end)
    {
        if (definition.At(next, end, "UNIQUE") || definition.At(next, end, "PRIMARY"))
        {
            scope.Hit(LintRules.UniqueWithoutIndex, $"adds column {table}.{column} with {(definition.At(next, end, "UNIQUE") ? "UNIQUE" : "PRIMARY KEY")}, building its index under an ACCESS EXCLUSIVE lock");
        }

        if (definition.At(next, end, "CHECK"))
        {
            scope.Hit(LintRules.CheckWithoutNotValid, $"adds column {table}.{column} with a CHECK constraint, checking every row under an ACCESS EXCLUSIVE lock");
        }

        if (definition.At(next, end, "REFERENCES") && definition.HasDefault)
        {
            scope.Hit(LintRules.ForeignKeyWithoutNotValid, $"adds column {table}.{column} with a default and a foreign key: every row is checked while writes to both tables are blocked");
        }
    }

    private static void Sqlite(StatementView s, LintScope scope, string table, string column, ColumnDefinition definition, int next, int end)
    {
        if (definition.At(next, end, "PRIMARY") || definition.At(next, end, "UNIQUE"))
        {
            scope.Hit(LintRules.SqliteAddColumn, $"adds {table}.{column} as PRIMARY KEY or UNIQUE, which SQLite refuses");
        }
        else if (definition.DefaultAt >= 0 && definition.DefaultAt + 1 < s.Words.Count
            && (s.Words[definition.DefaultAt + 1].Kind == SqlTokenKind.OpenParen || s.Words[definition.DefaultAt + 1].Upper.StartsWith("CURRENT_", StringComparison.Ordinal)))
        {
            scope.Hit(LintRules.SqliteAddColumn, $"adds {table}.{column} with a non-constant default, which SQLite refuses");
        }
        else if (definition.NotNull && !definition.HasDefault)
        {
            scope.Hit(LintRules.AddNotNullColumn, $"adds NOT NULL column {table}.{column} without a default (SQLite refuses this even on an empty table)");
        }
    }
}
