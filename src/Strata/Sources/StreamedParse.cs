namespace Strata.Sources;

/// <summary>What <see cref="StreamedFileParser"/> found in a file too large to hold.</summary>
/// <param name="Problems">Every problem, located and in text order; the file is unusable when there is any.</param>
/// <param name="Up">Where the up section is.</param>
/// <param name="Down">Where the down section is, or null when there is none or it holds no SQL.</param>
/// <param name="Environments">The environments of <c>-- strata:env</c>; empty means all.</param>
internal sealed record StreamedParse(IReadOnlyList<LocatedProblem> Problems, StreamedSection Up, StreamedSection? Down, IReadOnlyList<string> Environments);
