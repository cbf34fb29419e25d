namespace Strata.Sources.Layouts;

/// <summary>One script of a tool's migration: lines of a file.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="FirstLine">The 1-based line where the script starts (a marker line before it is not part of it).</param>
/// <param name="EndLine">The line where the next section starts (excluded), or null for the end of the file.</param>
/// <param name="Transactional">False when the tool's marker says the script runs without a transaction.</param>
internal sealed record LayoutSection(string Path, int FirstLine = 1, int? EndLine = null, bool Transactional = true)
{
    /// <summary>
    /// Further line ranges of the same script, after <see cref="EndLine"/> and in file order (sql-migrate lets a file
    /// switch between its up and down sections any number of times); empty for one range.
    /// </summary>
    public IReadOnlyList<(int FirstLine, int? EndLine)> More { get; init; } = [];
}
