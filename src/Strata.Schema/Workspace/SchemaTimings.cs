using System.Diagnostics;
using System.Globalization;

namespace Strata.Schema;

/// <summary>
/// Where a schema workspace's time goes: each step (creating the scratch database, applying the schema files,
/// replaying the migrations, reading a schema, …) adds its wall time here, and <see cref="Summary"/> gives the totals in
/// one line (<c>strata … --verbose</c> prints it on stderr at the end), e.g. <c>time: scratch database created 612 ms · schema files applied 240 ms · …</c>.
/// </summary>
public sealed class SchemaTimings
{
    private readonly object _gate = new();
    private readonly List<(string Step, TimeSpan Total, int Count)> _steps = [];
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>Runs <paramref name="work"/> and adds its time to <paramref name="step"/>.</summary>
    public async Task<T> TimeAsync<T>(string step, Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            Add(step, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Runs <paramref name="work"/> and adds its time to <paramref name="step"/>.</summary>
    public async Task TimeAsync(string step, Func<Task> work) => await TimeAsync(step, async () =>
    {
        await work().ConfigureAwait(false);
        return true;
    }).ConfigureAwait(false);

    /// <summary>Adds <paramref name="elapsed"/> to <paramref name="step"/> (steps keep the order they first appeared in).</summary>
    public void Add(string step, TimeSpan elapsed)
    {
        lock (_gate)
        {
            var index = _steps.FindIndex(s => s.Step == step);
            if (index < 0)
            {
                _steps.Add((step, elapsed, 1));
            }
            else
            {
                _steps[index] = (step, _steps[index].Total + elapsed, _steps[index].Count + 1);
            }
        }
    }

    /// <summary>One line: every step with its total (and count when repeated), then the command's time so far.</summary>
    public string Summary()
    {
        lock (_gate)
        {
            var parts = _steps.Select(s => $"{s.Step} {Milliseconds(s.Total)}" + (s.Count > 1 ? $" ({s.Count}×)" : ""));
            return "time: " + string.Join(" · ", parts.Append("in all " + Milliseconds(Stopwatch.GetElapsedTime(_started))));
        }
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("#,0", CultureInfo.InvariantCulture) + " ms";
}
