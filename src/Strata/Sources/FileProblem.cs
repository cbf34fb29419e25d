namespace Strata.Sources;

/// <summary>A problem inside one file: at <see cref="Offset"/> of its canonical text, or about the whole file when -1.</summary>
internal readonly record struct FileProblem(long Offset, string Message);
