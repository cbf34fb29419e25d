namespace Strata.Errors;

/// <summary>
/// A point in a migration file: 1-based line and column (in characters), and the text of that line. For a C#
/// migration, <see cref="Path"/> is its type name and <see cref="Line"/> is 0.
/// </summary>
public sealed record SourceLocation(string Path, int Line, int Column, string LineText)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{Path}:{Line}:{Column}" : Path;
}
