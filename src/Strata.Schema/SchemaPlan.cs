namespace Strata.Schema;

/// <summary>
/// A change in both directions, made by <see cref="SchemaDiffer.Plan"/>: <see cref="Up"/> turns the old state into the
/// new one, <see cref="Down"/> (the reverse script) turns it back. <c>generate</c> writes them as a migration.
/// </summary>
/// <param name="Up">Old to new.</param>
/// <param name="Down">New to old, with the rename hints reversed.</param>
public sealed record SchemaPlan(SchemaDiff Up, SchemaDiff Down);
