namespace Strata.Codegen;

/// <summary>One file that is (or was) out of date, with its path relative to the project root.</summary>
/// <param name="Path">The file, with <c>/</c> separators.</param>
/// <param name="Kind">Created, changed or deleted.</param>
public sealed record FileChange(string Path, FileChangeKind Kind);
