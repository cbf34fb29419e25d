using Strata.Configuration;
using Strata.Execution;
using Strata.Schema;
using Strata.Sources;

namespace Strata.Lint;

/// <summary>
/// What <see cref="MeasuredLint.RunAsync"/> measures, as <c>strata lint --measure</c>, <c>--against</c> and
/// <c>--copy-of</c> say it. The caller resolves the databases (a URL or an environment of strata.json) and creates
/// their dialects; <see cref="MeasuredLint.RunAsync"/> refuses a target whose dialect cannot measure (no
/// <see cref="SchemaRoles.Measuring"/>).
/// </summary>
/// <param name="Workspace">
/// Opens the schema workspace on the configured database, whose scratch database (or dev database) is where the
/// migrations run; called only when something is to be measured, and disposed by the call.
/// </param>
/// <param name="History">
/// The dialect on the database whose history decides what is pending: <see cref="Against"/>'s when given (its measuring
/// role then copies it and reads its sizes), else the configured one's.
/// </param>
/// <param name="Source">The migrations folder.</param>
/// <param name="Settings">The resolved configuration (lint section: severities and the <c>small</c>/<c>large</c> thresholds).</param>
/// <param name="WorkingDirectory">The folder migration paths are resolved against.</param>
public sealed record MeasuredLintRequest(Func<SchemaWorkspace> Workspace, IDialect History, IMigrationSource Source, StrataSettings Settings, string WorkingDirectory)
{
    /// <summary>The migrations to limit measuring to (<see cref="LintRun.Measure"/>); empty: everything pending.</summary>
    public IReadOnlyList<Migration> Named { get; init; } = [];

    /// <summary>How migrations run (history table, timeouts); the environment is <see cref="Environment"/>.</summary>
    public MigratorOptions Migrator { get; init; } = new();

    /// <summary>The environment pending migrations are judged in (that of <see cref="Against"/>'s strata.json environment, else the configured one).</summary>
    public string? Environment { get; init; }

    /// <summary>
    /// <c>--against</c> (or the <c>--copy-of</c> database): findings are weighed by its table sizes; only its catalogs
    /// are read. Null: nothing is weighed.
    /// </summary>
    public DatabaseTarget? Against { get; init; }

    /// <summary><c>--copy-of</c>: measure on a copy of <see cref="Against"/> (its rows included) instead of the scratch database.</summary>
    public bool OnCopy { get; init; }

    /// <summary>How notes name the configured database (no password).</summary>
    public string? DatabaseDisplay { get; init; }

    /// <summary>Told each progress note (what is measured where, each migration as it starts); null to ignore them.</summary>
    public Action<string>? Progress { get; init; }
}
