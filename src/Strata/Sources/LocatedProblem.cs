namespace Strata.Sources;

/// <summary>A problem found by <see cref="StreamedFileParser"/>, already located (there is no whole text to locate it in later).</summary>
/// <param name="Offset">Index in the canonical text, for ordering; -1 for a problem of the whole file.</param>
/// <param name="Line">1-based line (0 for the whole file).</param>
/// <param name="Column">1-based column (0 for the whole file).</param>
/// <param name="Message">What is wrong and the fix.</param>
internal readonly record struct LocatedProblem(long Offset, int Line, int Column, string Message);
