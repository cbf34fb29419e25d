using System.Globalization;

namespace Strata.Sources;

/// <summary>
/// A migration as found in a source (a folder of SQL files, embedded resources or code): identity, checksum,
/// the up script and the optional down script.
/// </summary>
public sealed class Migration
{
    /// <summary>The numeric version; null for repeatable migrations.</summary>
    public required long? Version { get; init; }

    /// <summary>The version digits as written in the file name (<c>001</c>), for display; empty for repeatables.</summary>
    public string VersionText { get; init; } = "";

    /// <summary>The slug: <c>initial_schema</c> in <c>001_initial_schema.sql</c>, <c>views</c> in <c>R__views.sql</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Versioned or repeatable.</summary>
    public required MigrationKind Kind { get; init; }

    /// <summary>Lower-case hex SHA-256 of the canonical text (see <c>Strata.Sql.Checksum</c>).</summary>
    public required string Checksum { get; init; }

    /// <summary>
    /// For a <c>.up.sql</c>/<c>.down.sql</c> pair: the checksum of the up file alone, which Strata stored for such a
    /// pair before down files were checksummed too. A history row holding it counts as unchanged. Null otherwise.
    /// </summary>
    internal string? UpOnlyChecksum { get; init; }

    /// <summary>True when <paramref name="applied"/> (a history row's checksum) matches this migration's files.</summary>
    internal bool Matches(string applied) => applied == Checksum || applied == UpOnlyChecksum;

    /// <summary>The forward script.</summary>
    public required MigrationScript Up { get; init; }

    /// <summary>The reverse script, or null when the migration has none (rollback then refuses).</summary>
    public MigrationScript? Down { get; init; }

    /// <summary>The environments named by <c>-- strata:env</c>; empty means every environment.</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];

    /// <summary>The file (or resource, or type) the migration came from, for messages.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The name users see: <c>001_initial_schema</c> or <c>R__views</c>.</summary>
    public string DisplayName => Kind == MigrationKind.Repeatable
        ? "R__" + Name
        : (VersionText.Length > 0 ? VersionText : Version!.Value.ToString(CultureInfo.InvariantCulture)) + (Name.Length > 0 ? "_" + Name : "");

    /// <summary>
    /// True when the migration applies in <paramref name="environment"/> (no <c>-- strata:env</c> means always). A
    /// null environment (none was set) satisfies no <c>-- strata:env</c> list.
    /// </summary>
    public bool AppliesTo(string? environment) =>
        Environments.Count == 0 || (environment is not null && Environments.Contains(environment, StringComparer.OrdinalIgnoreCase));

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
