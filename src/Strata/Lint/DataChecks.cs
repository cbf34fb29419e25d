using Strata.Sql;

namespace Strata.Lint;

/// <summary>
/// The rules about data changes: UPDATE/DELETE without WHERE, and data changes mixed with schema changes. Tables new in
/// the release and temporary tables are the migration's own: changing all their rows is the point.
/// </summary>
internal static class DataChecks
{
    public static void Check(StatementView s, LintScope scope)
    {
        var verb = Verb(s);
        if (verb < 0)
        {
            return;
        }

        var keyword = s.Words[verb].Upper;
        var tableAt = keyword switch
        {
            "UPDATE" => s.Skip(verb + 1, ["ONLY"]),
            "DELETE" => s.Skip(verb + 1, ["FROM"], ["ONLY"]),
            _ => s.Skip(verb + 1, ["INTO"], ["OR", "REPLACE"], ["OR", "IGNORE"]),
        };
        if (keyword == "INSERT" && s.Is(verb + 1, "OR"))
        {
            tableAt = s.Skip(verb + 3, ["INTO"]);
        }

        var table = s.Name(tableAt)?.Name;
        if (keyword is "UPDATE" or "DELETE" && s.Find(verb + 1, s.Words.Count, "WHERE") < 0 && (table is null || scope.Exists(table)))
        {
            scope.Hit(LintRules.UpdateWithoutWhere, $"{keyword} of every row of {table ?? "the table"} (no WHERE)");
        }

        if (scope.FirstLock is not null && (table is null || scope.Exists(table)))
        {
            scope.DataChanges.Add(s);
        }
    }

    /// <summary>The position of the statement's data-changing verb (after a WITH list), or -1 for anything else.</summary>
    private static int Verb(StatementView s)
    {
        if (s.Is(0, "UPDATE") || s.Is(0, "DELETE") || s.Is(0, "INSERT") || s.Is(0, "MERGE") || s.Is(0, "REPLACE"))
        {
            return 0;
        }

        if (!s.Is(0, "WITH"))
        {
            return -1;
        }

        for (var i = 1; i < s.Words.Count; i++)
        {
            if (s.Words[i].Depth == 0 && s.Words[i].Kind == SqlTokenKind.Word && s.Words[i].Upper is "UPDATE" or "DELETE" or "INSERT" or "MERGE" && !s.Is(i - 1, "FOR"))
            {
                return i;
            }
        }

        return -1;
    }
}
