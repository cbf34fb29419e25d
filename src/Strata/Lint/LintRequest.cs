using Strata.Configuration;
using Strata.Execution;
using Strata.Sources;

namespace Strata.Lint;

/// <summary>
/// What <see cref="MigrationLint.RunAsync"/> lints, as <c>strata lint</c>'s options say it: the migrations of
/// <see cref="Source"/> (all, the <see cref="Files"/> named, or those added since a git revision), scoped by the
/// configured database's history unless <see cref="Offline"/>, with strata.json's lint settings.
/// </summary>
/// <param name="Source">The migrations folder.</param>
/// <param name="Settings">The resolved configuration: lint settings, the database, the migrations folder.</param>
/// <param name="WorkingDirectory">The folder relative file names (<see cref="Files"/>) are resolved against.</param>
public sealed record LintRequest(IMigrationSource Source, StrataSettings Settings, string WorkingDirectory)
{
    /// <summary>Migration files to lint, relative to <see cref="WorkingDirectory"/> or absolute; empty: every migration of the folder.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>True to lint files only: the database's history is not read (no <c>edited-applied</c>, <c>out-of-order</c>).</summary>
    public bool Offline { get; init; }

    /// <summary>
    /// A git revision (branch, tag or commit): the files the migrations folder held there are the previous release, and
    /// the files added since are linted as one release (<c>strata lint --since</c>). Cannot be combined with <see cref="Files"/>.
    /// </summary>
    public string? Since { get; init; }

    /// <summary>
    /// The migrator on the configured database, whose status decides what is still to run; called only when a database
    /// that may hold a history is configured and neither <see cref="Offline"/> nor <see cref="Files"/> is set. Null: the
    /// history is not read (as offline).
    /// </summary>
    public Func<Migrator>? History { get; init; }

    /// <summary>
    /// The option that asked for measuring (<c>--measure</c>, <c>--against</c>, <c>--copy-of</c>), for the checks and
    /// messages, or null for a static lint. See <see cref="LintRun.Measure"/>.
    /// </summary>
    public string? MeasureOption { get; init; }

    /// <summary>How messages name the configured database; default its <see cref="DatabaseTarget.DisplayName"/>.</summary>
    public string? DatabaseDisplay { get; init; }
}
