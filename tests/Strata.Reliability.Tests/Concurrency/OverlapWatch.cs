namespace Strata.Reliability.Tests.Concurrency;

/// <summary>
/// Polls <c>pg_stat_activity</c> while two runners work and tells whether both were ever running a statement matching
/// a pattern (e.g. their <c>pg_sleep</c> migration) at the same moment.
/// </summary>
public static class OverlapWatch
{
    /// <summary>
    /// Samples until <paramref name="done"/> completes; returns how many samples saw both <paramref name="first"/> and
    /// <paramref name="second"/> active in a query containing <paramref name="queryPart"/>, and how many saw either.
    /// </summary>
    public static async Task<(int Both, int Either)> WatchAsync(ServerActivity activity, string first, string second, string queryPart, Task done)
    {
        var both = 0;
        var either = 0;
        while (!done.IsCompleted)
        {
            var a = await IsRunningAsync(activity, first, queryPart);
            var b = await IsRunningAsync(activity, second, queryPart);
            both += a && b ? 1 : 0;
            either += a || b ? 1 : 0;
            await Task.Delay(50);
        }

        return (both, either);
    }

    private static async Task<bool> IsRunningAsync(ServerActivity activity, string name, string queryPart) =>
        (await activity.BackendsAsync(name)).Any(x => x.State == "active" && x.Query.Contains(queryPart, StringComparison.Ordinal));
}
