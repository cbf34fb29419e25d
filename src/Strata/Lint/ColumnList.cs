using Strata.Sql;

namespace Strata.Lint;

/// <summary>The column definitions of <c>CREATE TABLE name (…)</c>: each column's name, where its type starts and where its definition ends.</summary>
internal static class ColumnList
{
    private static readonly HashSet<string> TableConstraints = new(StringComparer.Ordinal) { "CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK", "EXCLUDE", "LIKE" };

    /// <summary>The columns of the list opening at <paramref name="at"/> (nothing for <c>AS SELECT</c> or <c>PARTITION OF</c>).</summary>
    public static IEnumerable<(string Name, int TypeAt, int End)> Of(StatementView s, int at)
    {
        if (at >= s.Words.Count || s.Words[at].Kind != SqlTokenKind.OpenParen)
        {
            yield break;
        }

        var depth = s.Words[at].Depth + 1;
        var start = at + 1;
        for (var i = at + 1; i < s.Words.Count; i++)
        {
            var close = s.Words[i].Kind == SqlTokenKind.CloseParen && s.Words[i].Depth == depth - 1;
            if (close || (s.Words[i].Depth == depth && s.Words[i].Kind == SqlTokenKind.Comma))
            {
                if (start < i && !TableConstraints.Contains(s.Words[start].Upper) && s.Name(start) is var (column, next) && next < i)
                {
                    yield return (column, next, i);
                }

                start = i + 1;
            }

            if (close)
            {
                yield break;
            }
        }
    }
}
