using Strata.Sources;

namespace Strata.Schema;

/// <summary>The migration at which verify stopped, how it failed, and the difference as SQL that would close it.</summary>
/// <param name="Migration">The migration.</param>
/// <param name="Kind">Which half of the round trip did not hold.</param>
/// <param name="Difference">For <see cref="VerifyFailureKind.DownDoesNotRestore"/>: what would restore the schema before it; otherwise what turns the second result into the first.</param>
public sealed record VerifyFailure(Migration Migration, VerifyFailureKind Kind, SchemaDiff Difference);
