using System.Diagnostics;
using Strata.Errors;
using Strata.Execution;
using Strata.Sources;

namespace Strata.Operations;

/// <summary>
/// Runs <c>migrate</c>, <c>status</c> or <c>rollback</c> over many databases (or schemas) with one migrations source: at most
/// <see cref="FleetOptions.Parallel"/> at once, each target under its own migration lock (the dialect's, keyed by
/// database and history table, so schema-per-tenant targets never block each other), a failure isolated to its target
/// unless <see cref="FleetErrorPolicy.Stop"/> or <see cref="FleetOptions.MaxFailures"/> say otherwise, an optional canary stage first, every event in a JSON-lines <see cref="FleetLedger"/>, and a resumed run
/// skipping the targets its ledger says succeeded. Called by <c>strata migrate|status|rollback --targets</c>, or by an
/// application that migrates its tenants. Never throws for a target's failure: it is in the result.
/// </summary>
public sealed class FleetRunner
{
    private readonly IMigrationSource _source;
    private readonly MigratorOptions _options;

    /// <summary>A runner applying <paramref name="source"/> with <paramref name="options"/> (a target may override them).</summary>
    public FleetRunner(IMigrationSource source, MigratorOptions? options = null)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _options = options ?? new MigratorOptions();
    }

    /// <summary>
    /// Applies pending migrations on every target. With <see cref="FleetOptions.HistoryReader"/>, the targets its shared
    /// read shows up to date are reported so without a session of their own.
    /// </summary>
    public async Task<FleetResult> MigrateAsync(IReadOnlyList<FleetTarget> targets, FleetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var o = options ?? new FleetOptions();
        var source = new LoadOnceSource(_source);
        var clean = await FleetHeads.CleanAsync(source, _options, targets, o, cancellationToken).ConfigureAwait(false);
        return await RunAsync("migrate", targets, o, (t, fo, ct) => clean.TryGetValue(t.Name, out var head)
            ? Task.FromResult(new FleetTargetResult(t.Name, FleetOutcome.UpToDate, 0, head, TimeSpan.Zero) { SharedRead = true })
            : MigrateOneAsync(source, t, fo, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads every target's status: <see cref="FleetOutcome.Pending"/> when anything is pending or out of sync.</summary>
    public Task<FleetResult> StatusAsync(IReadOnlyList<FleetTarget> targets, FleetOptions? options = null, CancellationToken cancellationToken = default)
    {
        var source = new LoadOnceSource(_source);
        return RunAsync("status", targets, options ?? new FleetOptions(), (t, o, ct) => StatusOneAsync(source, t, ct), cancellationToken);
    }

    /// <summary>Rolls back on every target (<see cref="FleetOptions.Rollback"/>: the last batch unless steps or a version are set).</summary>
    public Task<FleetResult> RollbackAsync(IReadOnlyList<FleetTarget> targets, FleetOptions? options = null, CancellationToken cancellationToken = default)
    {
        var source = new LoadOnceSource(_source);
        return RunAsync("rollback", targets, options ?? new FleetOptions(), (t, o, ct) => RollbackOneAsync(source, t, o, ct), cancellationToken);
    }

    /// <summary>
    /// Lints on every target what <c>strata lint</c> with a database lints: the migrations still to run there, and its
    /// edited applied files. A target with lint errors is <see cref="FleetOutcome.Pending"/>, <see cref="FleetTargetResult.Applied"/>
    /// counting them and <see cref="FleetTargetResult.Error"/> naming the first; one without is <see cref="FleetOutcome.UpToDate"/>.
    /// </summary>
    public Task<FleetResult> LintAsync(IReadOnlyList<FleetTarget> targets, Lint.Linter linter, FleetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(linter);
        var source = new LoadOnceSource(_source);
        return RunAsync("lint", targets, options ?? new FleetOptions(), (t, o, ct) => LintOneAsync(source, linter, t, ct), cancellationToken);
    }

    private static async Task<FleetResult> RunAsync(
        string command, IReadOnlyList<FleetTarget> targets, FleetOptions options, Func<FleetTarget, FleetOptions, CancellationToken, Task<FleetTargetResult>> one, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallel, 1);
        if (options.MaxFailures is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, nameof(options));
        }

        var duplicate = targets.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new StrataException(ErrorCategory.BadInput, $"target {duplicate.Key} is listed {duplicate.Count()} times", "list each database once");
        }

        var runId = options.Resume ?? FleetLedger.NewRunId();
        var done = options.Resume is not null && options.LedgerFolder is not null
            ? Resumable(command, options.LedgerFolder, options.Resume)
            : new HashSet<string>();
        using var ledger = options.LedgerFolder is null ? null : FleetLedger.Open(options.LedgerFolder, runId);
        ledger?.Write(options.Resume is null ? "run" : "resume", null, ("command", command), ("targets", targets.Count), ("parallel", options.Parallel),
            ("onError", options.OnError.ToString().ToLowerInvariant()), ("maxFailures", options.MaxFailures));
        var run = new FleetRun(targets, options, one, ledger, done);
        await run.RunAsync(cancellationToken).ConfigureAwait(false);
        var result = new FleetResult(runId, ledger?.Path, run.Results);
        return result with { Stop = result.Count(FleetOutcome.Skipped) > 0 ? run.Stop : FleetStopReason.None };
    }

    /// <summary>
    /// The targets the resumed run finished; refuses a run of another command, whose ledger says which targets were
    /// read (status, lint) or rolled back, not migrated: resuming a status run with migrate would skip every pending target.
    /// A resumed status or lint run reads every target again: they change nothing, and a target "done earlier" would
    /// hide what it reported (a status run with pending targets resumed to exit 0).
    /// </summary>
    private static IReadOnlySet<string> Resumable(string command, string folder, string runId)
    {
        var path = FleetLedger.PathOf(folder, runId);
        var done = FleetLedger.Succeeded(path);
        if (FleetLedger.CommandOf(path) is { } was && !string.Equals(was, command, StringComparison.Ordinal))
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"run {runId} was a {was} run, not a {command} run: its ledger does not say which targets a {command} finished",
                $"start a new run without --resume (strata {command} --targets …), or resume it with the same command (strata {was} --targets … --resume {runId})");
        }

        return command is "status" or "lint" ? new HashSet<string>() : done;
    }

    private async Task<FleetTargetResult> MigrateOneAsync(IMigrationSource source, FleetTarget target, FleetOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var migrator = new Migrator(target.Provider, source, target.Options ?? _options);
            var result = await migrator.MigrateAsync(options.Migrate, cancellationToken).ConfigureAwait(false);
            var head = result.Steps.Where(s => s.Version is not null).Select(s => s.Version).Max();
            return new FleetTargetResult(target.Name, result.FilesExecuted > 0 ? FleetOutcome.Migrated : FleetOutcome.UpToDate, result.FilesExecuted, head, clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(target, e, clock.Elapsed);
        }
    }

    private async Task<FleetTargetResult> StatusOneAsync(IMigrationSource source, FleetTarget target, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var migrator = new Migrator(target.Provider, source, (target.Options ?? _options) with { OnMissingDatabase = MissingDatabase.Refuse });
            var status = await migrator.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            var head = status.Entries.Where(e => e.Applied is not null && e.Version is not null).Select(e => e.Version).Max();
            var notClean = status.NotClean.Count();
            return new FleetTargetResult(target.Name, notClean == 0 ? FleetOutcome.UpToDate : FleetOutcome.Pending, notClean, head, clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(target, e, clock.Elapsed);
        }
    }

    private async Task<FleetTargetResult> RollbackOneAsync(IMigrationSource source, FleetTarget target, FleetOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var migrator = new Migrator(target.Provider, source, target.Options ?? _options);
            var result = await migrator.RollbackAsync(options.Rollback, cancellationToken).ConfigureAwait(false);
            var status = await migrator.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            var head = status.Entries.Where(e => e.Applied is not null && e.Version is not null).Select(e => e.Version).Max();
            return new FleetTargetResult(target.Name, result.FilesExecuted > 0 ? FleetOutcome.RolledBack : FleetOutcome.UpToDate, result.FilesExecuted, head, clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(target, e, clock.Elapsed);
        }
    }

    private async Task<FleetTargetResult> LintOneAsync(IMigrationSource source, Lint.Linter linter, FleetTarget target, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var migrator = new Migrator(target.Provider, source, (target.Options ?? _options) with { OnMissingDatabase = MissingDatabase.Refuse });
            var status = await migrator.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            var head = status.Entries.Where(e => e.Applied is not null && e.Version is not null).Select(e => e.Version).Max();
            var errors = linter.Lint(status).Findings.Where(f => f.Severity == Lint.LintSeverity.Error).ToList();
            var first = errors.FirstOrDefault() is { } f ? $"{f.File}:{f.Line}: {f.Rule.Id}: {f.Message}" : null;
            return new FleetTargetResult(target.Name, errors.Count == 0 ? FleetOutcome.UpToDate : FleetOutcome.Pending, errors.Count, head, clock.Elapsed, first);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(target, e, clock.Elapsed);
        }
    }

    private static FleetTargetResult Failed(FleetTarget target, Exception error, TimeSpan elapsed) => error is StrataException strata
        ? new FleetTargetResult(target.Name, FleetOutcome.Failed, 0, null, elapsed, strata.Message, strata.Category)
        : new FleetTargetResult(target.Name, FleetOutcome.Failed, 0, null, elapsed, $"{error.GetType().Name}: {error.Message}");
}
