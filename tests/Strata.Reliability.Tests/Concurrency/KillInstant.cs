namespace Strata.Reliability.Tests.Concurrency;

/// <summary>
/// When a kill-fuzz run is killed: once the runner has recorded <see cref="AfterRows"/> history rows, after a further
/// <see cref="Pause"/>. Tied to progress rather than to a clock, so the kills spread over the whole apply however
/// fast or loaded the machine is.
/// </summary>
/// <param name="AfterRows">History rows to wait for (0: kill during connect, lock and history creation).</param>
/// <param name="Pause">The extra pause: up to about one migration's duration, longer before the first.</param>
public sealed record KillInstant(int AfterRows, TimeSpan Pause)
{
    /// <summary>
    /// A random instant for a set of <paramref name="migrations"/> migrations (every row count equally likely), with a
    /// pause of up to <paramref name="longestPauseMs"/> (about one migration's duration; five times that before the
    /// first row, which also covers start-up).
    /// </summary>
    public static KillInstant Pick(Random random, int migrations, int longestPauseMs = 80)
    {
        var rows = random.Next(migrations + 1);
        var longest = rows == 0 ? 5 * longestPauseMs : longestPauseMs;
        return new KillInstant(rows, TimeSpan.FromMilliseconds(random.Next(longest)));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Pause.TotalMilliseconds:0} ms after {AfterRows} history rows";
}
