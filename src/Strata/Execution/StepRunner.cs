using System.Diagnostics;
using System.Globalization;
using Strata.Code;
using Strata.Errors;
using Strata.History;
using Strata.Planning;
using Strata.Sources;

namespace Strata.Execution;

/// <summary>Runs one planned step on a session: the script and its history change, in the right transaction shape.</summary>
internal sealed class StepRunner
{
    private readonly IDatabaseSession _session;
    private readonly IMigrationObserver _observer;
    private readonly MigratorOptions _options;

    public StepRunner(IDatabaseSession session, IMigrationObserver observer, MigratorOptions options)
    {
        _session = session;
        _observer = observer;
        _options = options;
    }

    public async Task<StepResult> RunAsync(MigrationStep step, int batch, CancellationToken cancellationToken)
    {
        _observer.OnStepStarting(step);
        var clock = Stopwatch.StartNew();
        var outcome = step.Direction == StepDirection.Up
            ? await UpAsync(step, batch, clock, cancellationToken).ConfigureAwait(false)
            : await DownAsync(step, cancellationToken).ConfigureAwait(false);
        var result = new StepResult(step.Migration.DisplayName, step.Migration.Version, step.Direction, outcome, clock.Elapsed);
        _observer.OnStepFinished(step, result);
        return result;
    }

    /// <summary>The SQL a step would send, for dry runs.</summary>
    public string Render(MigrationStep step, int batch)
    {
        if (step.Script is not SqlScript script)
        {
            return $"-- C# migration {step.Script.SourcePath} ({(step.Direction == StepDirection.Up ? "UpAsync" : "DownAsync")}): runs code, "
                + (step.Script.Transactional ? "in one transaction with its history row" : "without a transaction");
        }

        if (step.Direction == StepDirection.Down)
        {
            var delete = new HistoryDelete(step.Migration.Version, step.Migration.Name, "rollback");
            return script.Transactional
                ? _session.Executor.Render(script, delete)
                : NoTransaction(script, _session.History.Render(delete));
        }

        var row = NewRow(step.Migration, batch, MigrationState.Succeeded);
        if (script.Transactional)
        {
            return _session.Executor.Render(script, new HistoryInsert(row));
        }

        return step.Migration.Kind == MigrationKind.Versioned
            ? _session.History.Render(new HistoryInsert(row with { State = MigrationState.Started })) + Environment.NewLine
                + NoTransaction(script, _session.History.Render(new HistoryFinish(step.Migration.Version!.Value, 0)))
            : NoTransaction(script, _session.History.Render(new HistoryInsert(row)));
    }

    private async Task<ExecutionOutcome> UpAsync(MigrationStep step, int batch, Stopwatch clock, CancellationToken ct)
    {
        var m = step.Migration;
        var row = NewRow(m, batch, MigrationState.Succeeded);
        if (step.Script.Transactional)
        {
            try
            {
                return await WithRetriesAsync(step, () => InTransactionAsync(step, m.DisplayName, step.Script, new HistoryInsert(row), ct), ct).ConfigureAwait(false);
            }
            catch (MigrationFailedException ex) when (m.Kind == MigrationKind.Versioned && ex.Hint is null && AlreadyExists.Matches(ex))
            {
                throw new MigrationFailedException(ex.Migration, ex.Location, ex.SqlState, ex.ServerMessage, ex.Outcome, AlreadyExists.Hint(m), ex);
            }
        }

        if (m.Kind == MigrationKind.Repeatable)
        {
            await WithoutTransactionAsync(step, ct).ConfigureAwait(false);
            await _session.History.ApplyAsync(new HistoryInsert(row), ct).ConfigureAwait(false);
            return ExecutionOutcome.Applied;
        }

        if (!await _session.History.ApplyAsync(new HistoryInsert(row with { State = MigrationState.Started }), ct).ConfigureAwait(false))
        {
            return ExecutionOutcome.Skipped;
        }

        await WithoutTransactionAsync(step, ct).ConfigureAwait(false);
        await _session.History.ApplyAsync(new HistoryFinish(m.Version!.Value, clock.ElapsedMilliseconds), ct).ConfigureAwait(false);
        return ExecutionOutcome.Applied;
    }

    private async Task<ExecutionOutcome> DownAsync(MigrationStep step, CancellationToken ct)
    {
        var m = step.Migration;
        var delete = new HistoryDelete(m.Version, m.Name, "rollback");
        if (step.Script.Transactional)
        {
            return await WithRetriesAsync(step, () => InTransactionAsync(step, m.DisplayName + " (down)", step.Script, delete, ct), ct).ConfigureAwait(false);
        }

        await WithoutTransactionAsync(step, ct).ConfigureAwait(false);
        return await _session.History.ApplyAsync(delete, ct).ConfigureAwait(false) ? ExecutionOutcome.Applied : ExecutionOutcome.Skipped;
    }

    /// <summary>
    /// Runs a transactional step, trying again (with a doubling pause) when it failed only because a table lock was
    /// not granted within the statement lock timeout: the failed attempt left nothing behind.
    /// </summary>
    private async Task<ExecutionOutcome> WithRetriesAsync(MigrationStep step, Func<Task<ExecutionOutcome>> attempt, CancellationToken ct)
    {
        var delay = _options.RetryDelay;
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (MigrationFailedException ex) when (ex.SqlState == LockNotAvailable && tries <= _options.LockRetries)
            {
                _observer.OnRetry(step, tries, _options.LockRetries + 1, delay, ex);
                await Task.Delay(delay, ct).ConfigureAwait(false);
                delay *= 2;
            }
            catch (MigrationFailedException ex) when (ex.SqlState == LockNotAvailable)
            {
                var hint = $"a table lock was not granted within the statement lock timeout in {tries} tries; a long transaction holds it (see pg_stat_activity and pg_locks). "
                    + "Run again when it has finished, or raise --statement-lock-timeout / --lock-retries";
                throw new MigrationFailedException(ex.Migration, ex.Location, ex.SqlState, ex.ServerMessage, ex.Outcome, hint, ex);
            }
        }
    }

    private Task<ExecutionOutcome> InTransactionAsync(MigrationStep step, string name, MigrationScript script, HistoryChange change, CancellationToken ct) => script switch
    {
        SqlScript sql => _session.Executor.ExecuteAsync(name, sql, change, Progress(step), ct),
        CodeScript code => _session.Executor.ExecuteCodeAsync(name, code, change, _options.GateEnvironment ?? "", ct),
        _ => throw new InvalidOperationException($"{name}: unsupported script type {script.GetType().Name}"),
    };

    private async Task WithoutTransactionAsync(MigrationStep step, CancellationToken ct)
    {
        var name = step.Migration.DisplayName + (step.Direction == StepDirection.Down ? " (down)" : "");
        try
        {
            var run = step.Script switch
            {
                SqlScript sql => _session.Executor.ExecuteStatementsAsync(name, sql, Progress(step), ct),
                CodeScript code => _session.Executor.ExecuteCodeAsync(name, code, null, _options.GateEnvironment ?? "", ct),
                _ => throw new InvalidOperationException($"{name}: unsupported script type {step.Script.GetType().Name}"),
            };
            await run.ConfigureAwait(false);
        }
        catch (MigrationFailedException ex) when (step.Migration.Kind == MigrationKind.Versioned)
        {
            var id = step.Migration.Version!.Value.ToString(CultureInfo.InvariantCulture);
            var hint = step.Direction == StepDirection.Up
                ? $"the history marks {step.Migration.DisplayName} as started; after checking the database run `strata mark-applied {id}` (if you finished it by hand) or undo what ran and run `strata mark-rolled-back {id}`"
                : $"the history still marks {step.Migration.DisplayName} as applied; finish or undo the rollback by hand, then run `strata mark-rolled-back {id}` if it is gone";
            throw new MigrationFailedException(ex.Migration, ex.Location, ex.SqlState, ex.ServerMessage, ex.Outcome, hint, ex);
        }
    }

    private Callback Progress(MigrationStep step) => new(p => _observer.OnStatementFinished(step, p));

    private AppliedMigration NewRow(Migration m, int batch, MigrationState state) => new()
    {
        Version = m.Version,
        Name = m.Name,
        Kind = m.Kind == MigrationKind.Repeatable ? HistoryKind.Repeatable : HistoryKind.Versioned,
        Checksum = m.Checksum,
        Batch = batch,
        AppliedAt = DateTimeOffset.UtcNow,
        AppliedBy = _session.AppliedBy,
        State = state,
    };

    private const string LockNotAvailable = "55P03";

    private static string NoTransaction(SqlScript script, string historySql) =>
        "-- no transaction: statements run one by one" + Environment.NewLine + script.Preview().TrimEnd() + Environment.NewLine + historySql;

    private sealed class Callback(Action<StatementProgress> action) : IProgress<StatementProgress>
    {
        public void Report(StatementProgress value) => action(value);
    }
}
