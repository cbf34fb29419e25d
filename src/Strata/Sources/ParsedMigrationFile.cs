namespace Strata.Sources;

/// <summary>A migration file split into its sections, with the directives of its header applied.</summary>
/// <param name="Up">The up section (the whole file when it has no <c>-- strata:down</c>).</param>
/// <param name="Down">The down section, or null when there is none or it holds no SQL.</param>
/// <param name="Environments">The environments of <c>-- strata:env</c>; empty means all.</param>
internal sealed record ParsedMigrationFile(ScriptSection Up, ScriptSection? Down, IReadOnlyList<string> Environments);
