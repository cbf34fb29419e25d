using Strata.Configuration;
using Strata.Errors;
using Strata.Execution;
using Strata.Planning;
using Strata.Schema;
using Strata.Sources;

namespace Strata.Lint;

/// <summary>
/// The measured half of <c>strata lint</c> (PostgreSQL): on one scratch database (the configured server's
/// scratch database or the dev database, see <see cref="SchemaWorkspace"/>) the migrations applied on the target are applied through the normal
/// <see cref="Migrator"/>, and each pending one is measured through the dialect's measuring role (<see cref="IMigrationProbe"/>, in a transaction that is
/// rolled back), then applied for real so the next one starts from the right state. The first failure stops the
/// run: later migrations cannot be measured on a state that is not the one they will meet. The configured and target
/// databases are only read.
/// </summary>
internal sealed class LintMeasurer
{
    private readonly MeasuredLintRequest _request;
    private readonly MigratorOptions _options;
    private readonly LintOptions _lint;
    private readonly MeasureOutcome _outcome = new();
    private readonly string? _copyOf;
    private string? _stoppedAt;

    private LintMeasurer(MeasuredLintRequest request, MigratorOptions options, LintOptions lint, string? copyOf)
    {
        _request = request;
        _options = options;
        _lint = lint;
        _copyOf = copyOf;
    }

    /// <summary>Where the migrations run, for the notes: "a scratch database" or "a copy of …".</summary>
    private string Where => _copyOf is null ? "the scratch database" : "the copy of " + _copyOf;

    /// <summary>
    /// Measures the migrations pending in <paramref name="target"/> (the status of the --against or configured
    /// database), limited to <paramref name="only"/> (absolute paths) when given; the others are applied unmeasured.
    /// With <paramref name="copyOf"/> (the <c>--copy-of</c> database, which <paramref name="target"/> is the status of,
    /// and its dialect's measuring role) they run on a copy of it, rows included, and each measured migration is
    /// committed there.
    /// </summary>
    public static async Task<MeasureOutcome> RunAsync(
        MeasuredLintRequest request, MigratorOptions options, StatusReport target, IReadOnlySet<string>? only, LintOptions lint, (DatabaseTarget Target, IMigrationMeasuring Measuring)? copyOf, CancellationToken cancellationToken)
    {
        var measurer = new LintMeasurer(request, options, lint, copyOf?.Target.DisplayName);
        var note = request.Progress ?? (_ => { });
        measurer._outcome.CopyOf = copyOf?.Target.DisplayName;
        var entries = target.Entries.Where(e => e.Migration is not null && e.Status is not (MigrationStatusKind.Missing or MigrationStatusKind.Skipped)).ToList();
        bool Measure(MigrationStatusEntry e) =>
            e.Status is MigrationStatusKind.Pending or MigrationStatusKind.OutOfOrder or MigrationStatusKind.Outdated
            && e.Migration!.Up is SqlScript
            && (only is null || only.Contains(Path.GetFullPath(Path.Combine(request.WorkingDirectory, e.Migration.SourcePath))));
        var plan = entries.Select(e => (Entry: e, Measure: Measure(e))).ToList();
        var count = plan.Count(p => p.Measure);
        if (count == 0)
        {
            note("nothing to measure: no migration is pending" + (only is null ? "" : " among the files named"));
            return measurer._outcome;
        }

        var plural = count == 1 ? "" : "s";
        var engine = request.Workspace();
        await using (engine.ConfigureAwait(false))
        {
            RequireMeasuring(engine, request);
            if (copyOf is { Target: var copied, Measuring: var measuring })
            {
                note($"copying {copied.DisplayName} (CREATE DATABASE … TEMPLATE) to measure {count} pending migration{plural} with its data …");
                var copy = await measuring.CopyAsync(copied.DisplayName, cancellationToken).ConfigureAwait(false);
                await using (copy.ConfigureAwait(false))
                {
                    await measurer.RunAsync(engine, copy, plan, count, cancellationToken).ConfigureAwait(false);
                }

                return measurer._outcome;
            }

            note($"measuring {count} pending migration{plural} on a scratch database (on the server of {request.DatabaseDisplay ?? engine.Database.DisplayName}, or the dev database) …");
            await engine.UseScratchAsync(scratch => measurer.RunAsync(engine, scratch, plan, count, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return measurer._outcome;
    }

    /// <summary>The configured database's dialect cannot measure (no <see cref="SchemaRoles.Measuring"/>, SQLite): bad input, before anything runs.</summary>
    private static void RequireMeasuring(SchemaWorkspace engine, MeasuredLintRequest request)
    {
        if (engine.Roles.Measuring is null)
        {
            throw new ConfigurationException(
                $"measuring needs PostgreSQL, but the configured database is {request.DatabaseDisplay ?? engine.Database.DisplayName} ({engine.Roles.Name}): nothing was measured",
                "configure a PostgreSQL database (--database postgres://…) to measure on its server, or lint without measuring");
        }
    }

    private async Task RunAsync(SchemaWorkspace engine, IScratchDatabase scratch, List<(MigrationStatusEntry Entry, bool Measure)> plan, int count, CancellationToken ct)
    {
        var migrator = new Migrator(scratch.Provider, _request.Source, _options);
        var probe = await engine.Roles.Measuring!.OpenProbeAsync(scratch, _options.Session, engine.HistoryFilter, ct).ConfigureAwait(false);
        await using (probe.ConfigureAwait(false))
        {
            var lastMeasured = plan.FindLastIndex(p => p.Measure);
            long? upTo = null;
            var done = 0;
            for (var i = 0; i <= lastMeasured && _stoppedAt is null; i++)
            {
                var (entry, measure) = plan[i];
                if (!measure && entry.Version is { } applied)
                {
                    upTo = applied;
                    continue;
                }

                if (upTo is { } version && !await MigrateAsync(migrator, version, entry, ct).ConfigureAwait(false))
                {
                    break;
                }

                upTo = null;
                if (measure)
                {
                    done++;
                    _request.Progress?.Invoke($"  {done}/{count} {entry.DisplayName}");
                    await MeasureAsync(probe, engine, entry.Migration!, ct).ConfigureAwait(false);
                }

                if (_stoppedAt is null)
                {
                    await ApplyAsync(migrator, probe, entry, ct).ConfigureAwait(false);
                }
            }

            NotMeasured(plan.Where(p => p.Measure).Skip(done).Select(p => p.Entry));
        }
    }

    /// <summary>The pending migrations after the failure that stopped the run.</summary>
    private void NotMeasured(IEnumerable<MigrationStatusEntry> rest)
    {
        foreach (var entry in rest)
        {
            _outcome.Migrations.Add(new MeasuredMigration(entry.Migration!, null, null, $"measuring stopped at {_stoppedAt}, which failed on {Where}"));
        }
    }

    private async Task MeasureAsync(IMigrationProbe probe, SchemaWorkspace engine, Migration migration, CancellationToken ct)
    {
        var script = (SqlScript)migration.Up;
        var measurement = await probe.MeasureAsync(migration.DisplayName, script, keep: _copyOf is not null, ct).ConfigureAwait(false);
        var changes = measurement.After is { } after ? engine.Compare(measurement.Before, after).Changes : null;
        var note = measurement.Failure is not null
            ? $"failed at line {measurement.Failure.Location.Line} on {Where}; the migrations after it were not measured"
            : script.Transactional
                ? _copyOf is null
                    ? "ran in a transaction on a scratch database holding the schema before it, then rolled back"
                    : $"ran in a transaction on {Where} with its rows, and was committed there ({Durations.Milliseconds(measurement.Elapsed)})"
                : "ran for real without a transaction (-- strata:no-transaction): each statement commits on its own and releases its locks when it ends, so no lock is left to read afterwards (CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE, which blocks neither reads nor writes)";
        var measured = new MeasuredMigration(migration, measurement, changes, note);
        _outcome.Migrations.Add(measured);
        MeasuredFindings.Add(_outcome, measured, _lint);
        if (measurement.Failure is not null)
        {
            _stoppedAt = migration.DisplayName;
        }
    }

    /// <summary>Applies a measured migration for real: a transactional or versioned one through the migrator, a repeatable through the probe.</summary>
    private async Task ApplyAsync(Migrator migrator, IMigrationProbe probe, MigrationStatusEntry entry, CancellationToken ct)
    {
        var migration = entry.Migration!;
        if (_copyOf is not null && migration.Up.Transactional)
        {
            // Measured on the copy and committed: only the history row is missing.
            if (entry.Version is { } applied)
            {
                await migrator.MarkAppliedAsync([new MigrationReference(applied, null)], ct).ConfigureAwait(false);
            }

            return;
        }

        if (entry.Version is not { } version)
        {
            await Guard(migration, () => probe.ApplyAsync(migration.DisplayName, (SqlScript)migration.Up, ct)).ConfigureAwait(false);
        }
        else if (migration.Up.Transactional)
        {
            await MigrateAsync(migrator, version, entry, ct).ConfigureAwait(false);
        }
        else
        {
            await migrator.MarkAppliedAsync([new MigrationReference(version, null)], ct).ConfigureAwait(false);
        }
    }

    /// <summary>Brings the scratch database up to <paramref name="version"/>; false (with a finding) when a migration fails there.</summary>
    private async Task<bool> MigrateAsync(Migrator migrator, long version, MigrationStatusEntry next, CancellationToken ct)
    {
        try
        {
            await migrator.MigrateAsync(new MigrateOptions { Target = version }, ct).ConfigureAwait(false);
            return true;
        }
        catch (MigrationFailedException failure)
        {
            Failed(failure, next);
            return false;
        }
    }

    private async Task Guard(Migration migration, Func<Task> apply)
    {
        try
        {
            await apply().ConfigureAwait(false);
        }
        catch (MigrationFailedException failure)
        {
            Failed(failure, null);
        }
    }

    /// <summary>A migration failed while the scratch database was brought to the state a pending one needs: a finding, and the run stops.</summary>
    private void Failed(MigrationFailedException failure, MigrationStatusEntry? next)
    {
        _stoppedAt = failure.Migration;
        var severity = _lint.SeverityOf(LintRules.MigrationFailed);
        if (severity == LintSeverity.Off)
        {
            return;
        }

        var before = next is null || next.Migration!.DisplayName == failure.Migration ? "" : $" (applied there to reach the state before {next.DisplayName})";
        _outcome.Findings.Add(new LintFinding(
            LintRules.MigrationFailed,
            severity,
            failure.Location.Path,
            failure.Location.Line,
            failure.Location.Column,
            MeasuredFindings.Failed(failure, before),
            failure.Location.LineText.Trim()));
    }
}
