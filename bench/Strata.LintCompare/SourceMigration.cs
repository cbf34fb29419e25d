namespace Strata.LintCompare;

/// <summary>One migration of a project, as its tool would run it.</summary>
/// <param name="Original">The file (or folder) in the project, relative to the set's folder, for the report.</param>
/// <param name="Name">A slug for the Strata file name.</param>
/// <param name="Up">The up script's text.</param>
/// <param name="Transactional">False when the tool runs it outside a transaction (an explicit marker, or CONCURRENTLY).</param>
internal sealed record SourceMigration(string Original, string Name, string Up, bool Transactional);
