using System.Diagnostics;

namespace Strata.Reliability.Tests.Concurrency;

/// <summary>Waits for a condition by asking again every few milliseconds, failing with a message that says what never happened.</summary>
public static class Poll
{
    /// <summary>The pause between two checks.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    /// <summary>Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:0.#} s for {what}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Like <see cref="UntilAsync(Func{Task{bool}}, TimeSpan, string)"/> for a synchronous condition.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, what);
}
