using System.Globalization;
using Strata.History;
using Strata.Sources;

namespace Strata.Planning;

/// <summary>One line of <c>strata status</c>: a migration on disk, a history row, or both.</summary>
public sealed record MigrationStatusEntry
{
    /// <summary>The version, or null for a repeatable.</summary>
    public required long? Version { get; init; }

    /// <summary>The slug (<c>create_users</c>), from the file name or, for a missing file, from the history row.</summary>
    public required string Name { get; init; }

    /// <summary>Applied, pending, changed, missing and so on; anything but applied, baselined or skipped makes <c>status</c> exit 3.</summary>
    public required MigrationStatusKind Status { get; init; }

    /// <summary>The migration on disk, or null when <see cref="MigrationStatusKind.Missing"/>.</summary>
    public Migration? Migration { get; init; }

    /// <summary>The history row, or null when not applied.</summary>
    public AppliedMigration? Applied { get; init; }

    /// <summary>Why the status is what it is, when that is not obvious (e.g. both checksums).</summary>
    public string? Detail { get; init; }

    /// <summary>True for repeatable migrations.</summary>
    public bool IsRepeatable => Version is null;

    /// <summary><c>001_initial_schema</c>, <c>R__views</c>.</summary>
    public string DisplayName => Migration?.DisplayName
        ?? (Version is { } v ? v.ToString(CultureInfo.InvariantCulture) + "_" + Name : "R__" + Name);
}
