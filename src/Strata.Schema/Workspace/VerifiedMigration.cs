using Strata.Sources;

namespace Strata.Schema;

/// <summary>A migration whose round trip held: up, down and up again (or, without a down script, up only).</summary>
/// <param name="Migration">The migration.</param>
/// <param name="UpOnly">True when it has no down script, so it was only applied.</param>
public sealed record VerifiedMigration(Migration Migration, bool UpOnly);
