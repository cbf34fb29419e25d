using Strata.Sql;

namespace Strata.Lint;

/// <summary>The parts of a column definition: where the default is and ends, NOT NULL, GENERATED, the top-level constraint words.</summary>
internal sealed class ColumnDefinition
{
    private static readonly HashSet<string> ConstraintWords = new(StringComparer.Ordinal)
    {
        "NOT", "NULL", "CHECK", "REFERENCES", "UNIQUE", "PRIMARY", "CONSTRAINT", "GENERATED", "COLLATE", "DEFAULT",
    };

    private readonly StatementView _s;
    private readonly int _depth;

    public ColumnDefinition(StatementView s, int next, int end)
    {
        _s = s;
        _depth = next < s.Words.Count ? s.Words[next].Depth : 0;
        DefaultAt = Find(next, end, "DEFAULT");
        DefaultEnd = end;
        if (DefaultAt >= 0)
        {
            for (var i = DefaultAt + 2; i < end; i++)
            {
                if (s.Words[i].Depth == _depth && s.Words[i].Kind == SqlTokenKind.Word && ConstraintWords.Contains(s.Words[i].Upper))
                {
                    DefaultEnd = i;
                    break;
                }
            }
        }

        NotNull = FindPair(next, end, "NOT", "NULL") >= 0;
        Generated = Find(next, end, "GENERATED") >= 0;
        HasDefault = DefaultAt >= 0 && !(DefaultAt + 1 < end && s.Words[DefaultAt + 1].IsKeyword("NULL") && DefaultEnd == DefaultAt + 2);
    }

    public int DefaultAt { get; }

    public int DefaultEnd { get; }

    public bool NotNull { get; }

    public bool Generated { get; }

    public bool HasDefault { get; }

    /// <summary>True when <paramref name="keyword"/> appears at the definition's depth outside the default expression.</summary>
    public bool At(int from, int end, string keyword)
    {
        for (var i = from; i < end; i++)
        {
            if ((DefaultAt < 0 || i <= DefaultAt || i >= DefaultEnd) && _s.Words[i].Depth == _depth && _s.Words[i].IsKeyword(keyword))
            {
                return true;
            }
        }

        return false;
    }

    private int Find(int from, int end, string keyword)
    {
        for (var i = from; i < end; i++)
        {
            if (_s.Words[i].Depth == _depth && _s.Words[i].IsKeyword(keyword))
            {
                return i;
            }
        }

        return -1;
    }

    private int FindPair(int from, int end, string first, string second)
    {
        for (var i = from; i + 1 < end; i++)
        {
            if (_s.Words[i].Depth == _depth && _s.Words[i].IsKeyword(first) && _s.Words[i + 1].IsKeyword(second))
            {
                return i;
            }
        }

        return -1;
    }
}
