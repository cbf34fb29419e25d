using System.Diagnostics.CodeAnalysis;

namespace Strata.Sources;

/// <summary>Which part of a migration a file holds.</summary>
public enum MigrationFilePart
{
    /// <summary>The whole migration: <c>1_x.sql</c> (up, then an optional down after <c>-- strata:down</c>) or <c>R__x.sql</c>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "A single file, as opposed to an up/down pair.")]
    Single,

    /// <summary>The forward script of a pair: <c>1_x.up.sql</c>.</summary>
    Up,

    /// <summary>The reverse script of a pair: <c>1_x.down.sql</c>.</summary>
    Down,
}
