using System.Diagnostics;

namespace Strata.Reliability.Tests.Concurrency;

/// <summary>
/// Watches a lock change hands after the holder was killed: when the last server process of the old holder ended,
/// and when the waiter first held the advisory lock, from polls every <see cref="Poll.Interval"/>; and whether the
/// waiter ever held the lock while a process of the old holder still existed (which would let both work at once).
/// </summary>
public sealed class Handover
{
    /// <summary>Time from the start of the watch until the old holder had no server process left, or null.</summary>
    public TimeSpan? HolderGone { get; private set; }

    /// <summary>Time from the start of the watch until the waiter held the lock, or null.</summary>
    public TimeSpan? WaiterHolds { get; private set; }

    /// <summary>Set when the waiter held the lock while these processes of the old holder still existed.</summary>
    public string? Overlap { get; private set; }

    /// <summary>Polls until both events were seen or <paramref name="timeout"/> passed.</summary>
    public static async Task<Handover> WatchAsync(ServerActivity activity, string holder, string waiter, TimeSpan timeout)
    {
        var watch = new Handover();
        var clock = Stopwatch.StartNew();
        while ((watch.HolderGone is null || watch.WaiterHolds is null) && clock.Elapsed < timeout)
        {
            var holderBackends = await activity.BackendsAsync(holder);
            var waiterHolds = (await activity.AdvisoryHoldersAsync(waiter)).Count > 0;
            var now = clock.Elapsed;
            if (holderBackends.Count == 0)
            {
                watch.HolderGone ??= now;
            }

            if (waiterHolds)
            {
                watch.WaiterHolds ??= now;
                if (holderBackends.Count > 0)
                {
                    watch.Overlap ??= string.Join("; ", holderBackends);
                }
            }

            await Task.Delay(Poll.Interval);
        }

        return watch;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"holder gone after {HolderGone?.TotalSeconds:0.00} s, waiter held the lock after {WaiterHolds?.TotalSeconds:0.00} s{(Overlap is null ? "" : ", while the holder still had: " + Overlap)}";
}
