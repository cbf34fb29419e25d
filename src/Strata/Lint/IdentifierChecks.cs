using System.Text;
using Strata.Sql;

namespace Strata.Lint;

/// <summary>
/// Names longer than PostgreSQL's 63 bytes where a DDL statement defines them (after TABLE, INDEX, CONSTRAINT, COLUMN,
/// TO, …, and a CREATE TABLE's column names). References to an existing long name are not flagged: its definition was.
/// </summary>
internal static class IdentifierChecks
{
    private const int Limit = 63;

    private static readonly HashSet<string> Defining = new(StringComparer.Ordinal)
    {
        "TABLE", "INDEX", "VIEW", "SEQUENCE", "TRIGGER", "FUNCTION", "PROCEDURE", "TYPE", "DOMAIN", "SCHEMA", "CONSTRAINT", "COLUMN",
        "TO", "EXISTS", "CONCURRENTLY", "ADD", "POLICY", "RULE", "EXTENSION", "COLLATION",
    };

    public static void Check(StatementView s, LintScope scope)
    {
        if (!scope.IsPostgres || !(s.Is(0, "CREATE") || s.Is(0, "ALTER")))
        {
            return;
        }

        var createTable = s.Find(0, Math.Min(s.Words.Count, 8), "TABLE") >= 0 && s.Is(0, "CREATE");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < s.Words.Count; i++)
        {
            var word = s.Words[i];
            if (word.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
            {
                continue;
            }

            var name = word.Identifier;
            var bytes = Encoding.UTF8.GetByteCount(name);
            if (bytes <= Limit || !seen.Add(name) || !IsDefinition(s, i, createTable))
            {
                continue;
            }

            scope.Hit(LintRules.IdentifierTooLong, $"the name {name} is {bytes} bytes; PostgreSQL truncates it to {Truncated(name)}");
        }
    }

    private static bool IsDefinition(StatementView s, int i, bool createTable)
    {
        var before = i - 1;
        if (before >= 1 && s.Words[before].Raw == ".")
        {
            before -= 2;
        }

        if (before < 0)
        {
            return false;
        }

        var previous = s.Words[before];
        var startsColumn = createTable && s.Words[i].Depth == 1 && previous.Kind is SqlTokenKind.OpenParen or SqlTokenKind.Comma;
        return startsColumn || (previous.Kind == SqlTokenKind.Word && Defining.Contains(previous.Upper));
    }

    /// <summary>The first 63 bytes, not splitting a character.</summary>
    private static string Truncated(string name)
    {
        var length = 0;
        var bytes = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > Limit)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            length += rune.Utf16SequenceLength;
        }

        return name[..length];
    }
}
