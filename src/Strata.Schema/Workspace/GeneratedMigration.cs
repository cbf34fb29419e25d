namespace Strata.Schema;

/// <summary>What <see cref="SchemaWorkspace.GenerateAsync"/> did.</summary>
/// <param name="Comparison">What the migrations produce compared with the schema files; its <see cref="SchemaComparison.Plan"/> is what was written.</param>
/// <param name="Files">The files written, in order (the folder joined with each name); empty when there was nothing to generate or the changes were not approved.</param>
/// <param name="SeparateIndexMigration">
/// True when indexes on tables that already exist went into a migration of their own, built with
/// <c>CREATE INDEX CONCURRENTLY</c> outside a transaction (PostgreSQL), after the rest of the changes.
/// </param>
public sealed record GeneratedMigration(SchemaComparison Comparison, IReadOnlyList<string> Files, bool SeparateIndexMigration);
