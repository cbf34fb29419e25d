using Strata.Sql;

namespace Strata.Lint;

/// <summary>
/// The opt-in style pack (<c>"lint": { "style": true }</c>): column types in <c>CREATE TABLE</c>, <c>ADD COLUMN</c> and
/// <c>ALTER COLUMN … TYPE</c> (varchar(n), char(n), timestamp without time zone, serial, int keys) and enum values
/// inserted between others. PostgreSQL only; temporary tables are not checked.
/// </summary>
internal static class StyleChecks
{
    private static readonly HashSet<string> IntTypes = new(StringComparer.Ordinal) { "INT", "INTEGER", "INT4", "SMALLINT", "INT2", "SERIAL", "SERIAL4", "SMALLSERIAL", "SERIAL2" };

    /// <summary>The columns of <c>CREATE TABLE name (…)</c>, the list opening at <paramref name="at"/>.</summary>
    public static void CreateTable(StatementView s, LintScope scope, string table, int at)
    {
        foreach (var (column, typeAt, end) in ColumnList.Of(s, at))
        {
            Column(s, scope, table, column, typeAt, end);
        }
    }

    /// <summary>A column definition: its type at <paramref name="typeAt"/> and, for int keys, its constraints up to <paramref name="end"/>.</summary>
    public static void Column(StatementView s, LintScope scope, string table, string column, int typeAt, int end)
    {
        if (!scope.IsPostgres || typeAt >= end)
        {
            return;
        }

        Type(s, scope, $"{table}.{column}", typeAt, end);
        var type = s.Words[typeAt].Upper;
        var key = Has(s, typeAt, end, "PRIMARY") || Has(s, typeAt, end, "REFERENCES") || Has(s, typeAt, end, "IDENTITY") || type.Contains("SERIAL", StringComparison.Ordinal);
        if (IntTypes.Contains(type) && key)
        {
            scope.Hit(LintRules.PreferBigint, $"{table}.{column} is a {type.ToLowerInvariant()} key; it runs out at {(type.Contains("SMALL", StringComparison.Ordinal) || type.EndsWith('2') ? "32,767" : "2,147,483,647")}");
        }
    }

    /// <summary>The type starting at <paramref name="at"/> (of <paramref name="what"/>, for messages).</summary>
    public static void Type(StatementView s, LintScope scope, string what, int at, int end)
    {
        if (!scope.IsPostgres || at < 0 || at >= end)
        {
            return;
        }

        var type = s.Words[at].Upper;
        var next = at + 1 < end ? s.Words[at + 1] : default;
        if ((type == "VARCHAR" || (type == "CHARACTER" && next.IsKeyword("VARYING"))) && s.Words.Skip(at + 1).Take(2).Any(w => w.Kind == SqlTokenKind.OpenParen))
        {
            scope.Hit(LintRules.PreferText, $"{what} is {s.Text(at, Math.Min(end, CloseOf(s, at) + 1))}");
        }
        else if (type is "CHAR" or "BPCHAR" || (type == "CHARACTER" && !next.IsKeyword("VARYING")))
        {
            scope.Hit(LintRules.NoChar, $"{what} is {s.Text(at, Math.Min(end, CloseOf(s, at) + 1))}");
        }
        else if (type == "TIMESTAMP" && !WithTimeZone(s, at + 1, end))
        {
            scope.Hit(LintRules.PreferTimestamptz, $"{what} is timestamp without time zone");
        }
        else if (type.Contains("SERIAL", StringComparison.Ordinal))
        {
            scope.Hit(LintRules.PreferIdentity, $"{what} is {type.ToLowerInvariant()}");
        }
    }

    /// <summary><c>ALTER TYPE name ADD VALUE … BEFORE|AFTER …</c>.</summary>
    public static void AlterType(StatementView s, LintScope scope)
    {
        var add = s.Find(2, s.Words.Count, "ADD", "VALUE");
        var where = add < 0 ? -1 : Math.Max(s.Find(add, s.Words.Count, "BEFORE"), s.Find(add, s.Words.Count, "AFTER"));
        if (scope.IsPostgres && where >= 0 && s.Name(2) is var (type, _))
        {
            scope.Hit(LintRules.EnumValueInserted, $"inserts a value into enum {type} {s.Words[where].Upper} {s.Text(where + 1, s.Words.Count)}");
        }
    }

    /// <summary>True when <paramref name="keyword"/> is in [<paramref name="from"/>, <paramref name="end"/>) at the depth of the word at <paramref name="from"/>.</summary>
    private static bool Has(StatementView s, int from, int end, string keyword) =>
        Enumerable.Range(from, end - from).Any(i => s.Words[i].Depth == s.Words[from].Depth && s.Words[i].IsKeyword(keyword));

    private static bool WithTimeZone(StatementView s, int from, int end)
    {
        var at = from < end && s.Words[from].Kind == SqlTokenKind.OpenParen ? CloseOf(s, from - 1) + 1 : from;
        return s.Is(at, "WITH", "TIME", "ZONE");
    }

    /// <summary>The closing parenthesis of the modifier right after the type word at <paramref name="typeAt"/>, or the type word itself.</summary>
    private static int CloseOf(StatementView s, int typeAt)
    {
        var open = typeAt + 1;
        while (open < s.Words.Count && open <= typeAt + 2 && s.Words[open].Kind != SqlTokenKind.OpenParen)
        {
            open++;
        }

        if (open >= s.Words.Count || s.Words[open].Kind != SqlTokenKind.OpenParen)
        {
            return typeAt;
        }

        var close = open + 1;
        while (close < s.Words.Count && !(s.Words[close].Kind == SqlTokenKind.CloseParen && s.Words[close].Depth == s.Words[open].Depth))
        {
            close++;
        }

        return close;
    }
}
