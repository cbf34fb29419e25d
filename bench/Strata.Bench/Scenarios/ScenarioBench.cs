namespace Strata.Bench.Scenarios;

/// <summary>Runs each <see cref="IScenario"/>: set-up, one untimed warm-up, the timed runs, tear-down.</summary>
internal static class ScenarioBench
{
    public static async Task<IReadOnlyList<Measurement>> MeasureAsync(IEnumerable<IScenario> scenarios, int runs)
    {
        var results = new List<Measurement>();
        foreach (var scenario in scenarios)
        {
            if (scenario.NotMeasured is { } reason)
            {
                results.Add(Measurement.Missing(scenario.What, scenario.Tool, scenario.Size, reason));
                continue;
            }

            Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {scenario.What}: {scenario.Tool}");
            results.Add(await MeasureOneAsync(scenario, runs).ConfigureAwait(false));
        }

        return results;
    }

    private static async Task<Measurement> MeasureOneAsync(IScenario scenario, int runs)
    {
        var samples = new List<TimeSpan>();
        var peakRss = new List<long>();
        try
        {
            await scenario.SetUpAsync().ConfigureAwait(false);
            if (scenario.WarmUp)
            {
                await scenario.RunOnceAsync().ConfigureAwait(false);
            }

            for (var run = 0; run < scenario.TimedRuns(runs); run++)
            {
                samples.Add(await scenario.RunOnceAsync().ConfigureAwait(false));
                if (scenario.LastPeakRss is { } kilobytes)
                {
                    peakRss.Add(kilobytes);
                }
            }
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"{scenario.What} ({scenario.Tool}) failed: {e.Message}");
            return Measurement.Missing(scenario.What, scenario.Tool, scenario.Size, "failed here: " + e.Message.Split('\n', 2)[0]);
        }
        finally
        {
            await TearDownAsync(scenario, samples).ConfigureAwait(false);
        }

        return new Measurement(scenario.What, scenario.Tool, scenario.Size, samples) { PeakRss = peakRss };
    }

    /// <summary>
    /// Prints the timed runs first, so a long row's figures survive a failing tear-down; a tear-down failure is reported,
    /// not thrown, when there are figures to keep.
    /// </summary>
    private static async Task TearDownAsync(IScenario scenario, List<TimeSpan> samples)
    {
        if (samples.Count > 0)
        {
            Console.WriteLine($"[{DateTime.Now:HH:mm:ss}]   runs: {string.Join(", ", samples.Select(s => $"{s.TotalMilliseconds:0} ms"))}");
        }

        try
        {
            await scenario.TearDownAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (samples.Count > 0)
        {
            Console.Error.WriteLine($"{scenario.What} ({scenario.Tool}): tear-down failed, figures kept: {e.Message}");
        }
    }
}
