namespace Strata.Reliability.Tests.Integrity;

/// <summary>
/// When to kill a run: a random instant between <see cref="From"/> (strata has started) and <see cref="To"/> (a full
/// run is over), narrowed as kills show that the machine is faster or slower than the calibration run was, so most
/// kills land while migrations are being applied.
/// </summary>
internal sealed class KillWindow
{
    private static readonly TimeSpan Narrowest = TimeSpan.FromMilliseconds(100);

    public KillWindow(TimeSpan from, TimeSpan to)
    {
        From = from;
        To = to > from + Narrowest ? to : from + Narrowest;
    }

    /// <summary>The earliest kill instant after the start.</summary>
    public TimeSpan From { get; private set; }

    /// <summary>The latest kill instant after the start.</summary>
    public TimeSpan To { get; private set; }

    /// <summary>A uniformly random instant in the window.</summary>
    public TimeSpan Next() => From + ((To - From) * Random.Shared.NextDouble());

    /// <summary>
    /// Narrows the window after a kill at <paramref name="delay"/>: a run that had finished (or committed everything)
    /// by then pulls the end in; one that had not applied anything pushes the start halfway out.
    /// </summary>
    public void Learn(TimeSpan delay, bool killed, int applied, int total)
    {
        if (!killed || applied == total)
        {
            To = delay > From + Narrowest ? delay : From + Narrowest;
        }
        else if (applied == 0)
        {
            var from = From + ((delay - From) / 2);
            From = from + Narrowest < To ? from : From;
        }
    }

    public override string ToString() => $"{From.TotalMilliseconds:0}-{To.TotalMilliseconds:0} ms";
}
