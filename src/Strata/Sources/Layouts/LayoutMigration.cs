namespace Strata.Sources.Layouts;

/// <summary>A migration as a layout reader found it, before its files are read.</summary>
/// <param name="Version">The numeric version (ordering as the tool orders); null for a repeatable.</param>
/// <param name="VersionText">The version as the tool writes it (<c>1.12.15</c>, <c>2024-10-25-112826</c>).</param>
/// <param name="Name">The name after the version.</param>
/// <param name="Up">The up script.</param>
/// <param name="Down">The down script, or null.</param>
/// <param name="Files">The files whose text makes the checksum (the up file, then the down file when it is another one).</param>
internal sealed record LayoutMigration(long? Version, string VersionText, string Name, LayoutSection Up, LayoutSection? Down, IReadOnlyList<string> Files);
