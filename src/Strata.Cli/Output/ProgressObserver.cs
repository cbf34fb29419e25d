using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Strata.Execution;
using Strata.Planning;

namespace Strata.Cli.Output;

/// <summary>
/// Shows a run as it happens: one line per finished migration on stdout, lock waits on stderr, and a
/// "still running" line every few seconds while one migration takes long, so CI logs never look hung. The same
/// heartbeat covers the time before the first migration (reading a huge migration file, waiting for the lock), and
/// its period stays under 10 s (R20: progress at least every 10 s) with room for timer and scheduling delays.
/// </summary>
internal sealed class ProgressObserver : IMigrationObserver, IDisposable
{
    private static readonly TimeSpan FirstHeartbeat = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(9);

    private readonly Terminal _terminal;
    private readonly Timer _timer;
    private readonly Stopwatch _stepClock = new();
    private string _current = "";
    private int _statementsDone;
    private int _statementsTotal;

    private volatile bool _waitingForLock;

    /// <summary>Starts the heartbeat for the preparation (loading the migrations, reading the history, taking the lock).</summary>
    public ProgressObserver(Terminal terminal)
    {
        _terminal = terminal;
        _stepClock.Start();
        _timer = new Timer(_ => Beat(), null, FirstHeartbeat, Heartbeat);
    }

    public void OnLockWaiting(LockHolder holder)
    {
        _waitingForLock = true;
        _terminal.Note($"[yellow]waiting[/] for the migration lock, held by {Markup.Escape(holder.ToString())}…");
    }

    public void OnLockAcquired(TimeSpan waited)
    {
        _waitingForLock = false;
        _terminal.Note($"lock acquired after {Seconds(waited)}");
    }

    public void OnStepStarting(MigrationStep migrationStep)
    {
        _current = migrationStep.Migration.DisplayName + (migrationStep.Direction == StepDirection.Down ? " (down)" : "");
        _statementsDone = 0;
        _statementsTotal = 0;
        _stepClock.Restart();
        _timer.Change(FirstHeartbeat, Heartbeat);
    }

    public void OnStatementFinished(MigrationStep migrationStep, StatementProgress progress)
    {
        _statementsDone = progress.Index;
        _statementsTotal = progress.Count;
    }

    public void OnRetry(MigrationStep migrationStep, int attempt, int attempts, TimeSpan delay, Errors.MigrationFailedException failure)
    {
        _timer.Change(Timeout.Infinite, Timeout.Infinite);
        _terminal.Note($"  [yellow]{Markup.Escape(_current)}[/]: a table lock was not granted within the statement lock timeout ({Markup.Escape(failure.ServerMessage)}); "
            + $"nothing of it was applied; trying again in {Seconds(delay)} (try {attempt + 1} of {attempts})");
        _timer.Change(FirstHeartbeat, Heartbeat);
    }

    public void OnStepFinished(MigrationStep migrationStep, StepResult result)
    {
        _timer.Change(Timeout.Infinite, Timeout.Infinite);
        var name = Markup.Escape(_current).PadRight(40);
        var asWritten = migrationStep.Script is Sources.SqlScript { ManagesTransactions: true }
            ? " [grey](ran as written, statement by statement: the file manages its own transactions)[/]"
            : "";
        var line = result.Outcome == ExecutionOutcome.Applied
            ? $"  [green]{_terminal.Tick}[/] {name} [grey]{Milliseconds(result.Duration)}[/]{asWritten}"
            : $"  [grey]-[/] {name} [grey]skipped: another runner applied it first[/]";
        _terminal.Line(line);
    }

    public void Dispose() => _timer.Dispose();

    private void Beat()
    {
        if (_current.Length == 0)
        {
            var what = _waitingForLock ? "still waiting for the migration lock" : "still preparing (reading the migration files and the history)";
            _terminal.Note($"  [grey]… {what} ({Seconds(_stepClock.Elapsed)})[/]");
            return;
        }

        var statements = _statementsTotal > 0 ? $", statement {Math.Min(_statementsDone + 1, _statementsTotal)} of {_statementsTotal}" : "";
        _terminal.Note($"  [grey]… {Markup.Escape(_current)} still running ({Seconds(_stepClock.Elapsed)}{statements})[/]");
    }

    public static string Milliseconds(TimeSpan t) =>
        t.TotalSeconds >= 10 ? Seconds(t) : ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
