using Strata.Sql;

namespace Strata.LintCompare;

/// <summary>A written Strata file: its name, its source, the text both linters read, and its statements.</summary>
/// <param name="FileName">The Strata file name in the set's folder.</param>
/// <param name="Source">The migration it came from.</param>
/// <param name="Text">The text written.</param>
/// <param name="LineShift">Lines added before the original text (the no-transaction header).</param>
internal sealed record ConvertedFile(string FileName, SourceMigration Source, string Text, int LineShift)
{
    private IReadOnlyList<SqlStatement>? _statements;
    private int[]? _lineStarts;

    /// <summary>The statements as Strata splits them.</summary>
    public IReadOnlyList<SqlStatement> Statements => _statements ??= SqlSplitter.Split(Text, Dialect.PostgreSql);

    /// <summary>The index of the statement holding 1-based <paramref name="line"/> and <paramref name="column"/>, or -1.</summary>
    public int StatementAt(int line, int column)
    {
        var offset = OffsetOf(line, column);
        if (offset < 0)
        {
            return -1;
        }

        var found = -1;
        for (var i = 0; i < Statements.Count; i++)
        {
            if (Statements[i].Offset <= offset)
            {
                found = i;
            }
        }

        return found;
    }

    /// <summary>The offset in <see cref="Text"/> of 1-based <paramref name="line"/> and <paramref name="column"/>, or -1.</summary>
    public int OffsetOf(int line, int column)
    {
        _lineStarts ??= LineStarts(Text);
        return line < 1 || line > _lineStarts.Length ? -1 : _lineStarts[line - 1] + Math.Max(0, column - 1);
    }

    /// <summary>The line in the project's own file.</summary>
    public int OriginalLine(int line) => line - LineShift;

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
