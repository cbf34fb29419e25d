using System.Globalization;
using Spectre.Console;
using Strata.Operations;

namespace Strata.Cli.Output;

/// <summary>
/// A fleet run as it happens. On a terminal: one live view (done, failed and running counts and the targets running
/// now) redrawn in place and cleared before the summary. Elsewhere (CI logs, pipes): one plain line per finished
/// target, <c>[12/200] tenant_012: migrated (2 applied, 340 ms)</c>. Nothing with <c>--json</c> or <c>--quiet</c>.
/// </summary>
internal sealed class FleetProgress : IFleetObserver
{
    private const int ShownRunning = 6;

    private readonly Terminal _terminal;
    private readonly string _command;
    private readonly int _total;
    private readonly bool _live;
    private readonly Lock _gate = new();
    private readonly List<string> _running = [];
    private int _finished;
    private int _failed;

    public FleetProgress(Terminal terminal, string command, int total, bool terminalOutput)
    {
        _terminal = terminal;
        _command = command;
        _total = total;
        _live = terminalOutput && terminal.Human;
    }

    /// <summary>Runs <paramref name="run"/> under the live view on a terminal, else plainly (lines come from <see cref="OnFinished"/>).</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> run)
    {
        if (!_live)
        {
            return await run();
        }

        T result = default!;
        await _terminal.Out.Live(View()).AutoClear(true).StartAsync(async context =>
        {
            using var timer = new Timer(_ => context.UpdateTarget(View()), null, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250));
            result = await run();
        });
        return result;
    }

    public void OnStarted(string target)
    {
        lock (_gate)
        {
            _running.Add(target);
        }
    }

    public void OnFinished(FleetTargetResult result)
    {
        int finished;
        lock (_gate)
        {
            _running.Remove(result.Target);
            finished = ++_finished;
            if (result.Outcome == FleetOutcome.Failed)
            {
                _failed++;
            }
        }

        if (_live || !_terminal.Human || result.Outcome is FleetOutcome.DoneEarlier or FleetOutcome.Skipped)
        {
            return;
        }

        var counter = $"[{finished.ToString(CultureInfo.InvariantCulture)}/{_total.ToString(CultureInfo.InvariantCulture)}]";
        var what = result.Outcome == FleetOutcome.Failed
            ? $"[red]failed[/]: {Markup.Escape(result.Error?.Split('\n')[0] ?? "")}"
            : result.Outcome == FleetOutcome.Pending && _command == "lint" ? $"[red]lint errors[/] ({Detail(result)}): {Markup.Escape(result.Error ?? "")}"
            : $"{FleetRenderer.Word(_command, result.Outcome)} ({Detail(result)})";
        _terminal.Line($"{Markup.Escape(counter)} {Markup.Escape(result.Target)}: {what}");
    }

    private string Detail(FleetTargetResult result)
    {
        var ms = ((long)result.Duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
        var noun = _command switch { "status" => "not clean", "rollback" => "rolled back", "lint" => "errors", _ => "applied" };
        return result.Applied > 0 ? $"{result.Applied.ToString(CultureInfo.InvariantCulture)} {noun}, {ms}" : ms;
    }

    private Rows View()
    {
        lock (_gate)
        {
            var running = _running.Count;
            var shown = string.Join(", ", _running.Take(ShownRunning)) + (running > ShownRunning ? $", … {running - ShownRunning} more" : "");
            var failed = _failed > 0 ? $"[red]{_failed.ToString(CultureInfo.InvariantCulture)} failed[/]" : "0 failed";
            return new Rows(
                new Markup($"strata {_command}: {(_finished - _failed).ToString(CultureInfo.InvariantCulture)} done, {failed}, {running.ToString(CultureInfo.InvariantCulture)} running, "
                    + $"{(_total - _finished - running).ToString(CultureInfo.InvariantCulture)} waiting (of {_total.ToString(CultureInfo.InvariantCulture)})"),
                new Markup(running > 0 ? "[grey]running:[/] " + Markup.Escape(shown) : "[grey]…[/]"));
        }
    }
}
