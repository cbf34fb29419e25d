namespace Strata.Errors;

/// <summary>A point in a migration file: 1-based line and column (in characters), and the text of that line.</summary>
public sealed record SourceLocation(string Path, int Line, int Column, string LineText)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}:{Line}:{Column}";
}
