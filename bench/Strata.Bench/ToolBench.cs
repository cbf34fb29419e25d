using System.Globalization;

namespace Strata.Bench;

/// <summary>
/// Times every tool over every size: per run a fresh database, then apply, no-op, status and rollback in that order
/// (each operation starts from the state the previous one left). The tools take turns run by run, after one untimed
/// warm-up round. A tool that fails is reported in the table with its error instead of stopping the other tools.
/// </summary>
internal sealed class ToolBench(BenchServer server, BenchOptions options, string scratch)
{
    public static string Describe(Operation operation) => operation switch
    {
        Operation.Apply => "apply all",
        Operation.Noop => "no-op migrate (all applied)",
        Operation.Status => "status (all applied)",
        _ => "rollback all",
    };

    public async Task<IReadOnlyList<Measurement>> MeasureAsync(IReadOnlyList<IMigrationTool> tools, int size)
    {
        var set = new MigrationSet(size);
        var states = tools.Select((tool, index) => new ToolState(tool, index, set, scratch)).ToList();
        try
        {
            foreach (var state in states.Where(s => s.Stopped is null))
            {
                await Guard(state, () => state.Tool.PrepareAsync(set, Directory.CreateDirectory(state.Migrations).FullName)).ConfigureAwait(false);
                Directory.CreateDirectory(state.Work);
            }

            // Round-robin: run r of every tool before run r + 1 of any, so a machine whose load drifts during the
            // harness run skews every tool alike instead of favouring the tools measured last. Run 0 is the warm-up.
            var rounds = states.Select(s => s.Tool.TimedRuns(size, options.Runs)).DefaultIfEmpty(0).Max();
            for (var run = 0; run <= rounds; run++)
            {
                foreach (var state in states.Where(s => s.Stopped is null && run <= s.Tool.TimedRuns(size, options.Runs)))
                {
                    Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {size} migrations, {(run == 0 ? "warm-up" : $"run {run}")}: {state.Tool.Name}");
                    await Guard(state, () => RunOnceAsync(state, set, run)).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            foreach (var state in states.Where(s => Directory.Exists(s.Folder)))
            {
                Directory.Delete(state.Folder, recursive: true);
            }
        }

        return [.. states.SelectMany(s => s.Results())];
    }

    /// <summary>Runs <paramref name="step"/>; a failure stops this tool (reported in its rows), not the harness.</summary>
    private static async Task Guard(ToolState state, Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"{state.Tool.Name} failed: {e.Message}");
            state.Stopped = "failed here: " + FirstLine(e.Message);
        }
    }

    private async Task RunOnceAsync(ToolState state, MigrationSet set, int run)
    {
        var toolRun = new ToolRun(server, state.Database(run), set, state.Migrations, state.Work);
        var timings = await RunOnceAsync(state.Tool, toolRun).ConfigureAwait(false);
        foreach (var (operation, elapsed, peakRss) in run == 0 ? [] : timings)
        {
            state.Samples[operation].Add(elapsed);
            if (peakRss is { } kilobytes)
            {
                state.PeakRss[operation].Add(kilobytes);
            }
        }
    }

    private async Task<List<(Operation, TimeSpan, long?)>> RunOnceAsync(IMigrationTool tool, ToolRun run)
    {
        await server.CreateDatabaseAsync(run.Database).ConfigureAwait(false);
        try
        {
            var timings = new List<(Operation, TimeSpan, long?)>();
            foreach (var operation in Enum.GetValues<Operation>().Where(tool.Supports))
            {
                var elapsed = await tool.RunAsync(operation, run).ConfigureAwait(false);
                timings.Add((operation, elapsed, tool.LastPeakRss));
                if (operation == Operation.Apply)
                {
                    await CheckTablesAsync(tool, run, run.Set.Size, "after applying all").ConfigureAwait(false);
                }
            }

            if (tool.Supports(Operation.Rollback))
            {
                await CheckTablesAsync(tool, run, 0, "after rolling back all").ConfigureAwait(false);
            }

            return timings;
        }
        finally
        {
            await server.DropDatabaseAsync(run.Database).ConfigureAwait(false);
        }
    }

    /// <summary>A tool that did not create or drop every table did not do the work it was timed for: fail loudly.</summary>
    private async Task CheckTablesAsync(IMigrationTool tool, ToolRun run, int expected, string when)
    {
        const string count = "SELECT count(*) FROM pg_class WHERE relname LIKE 'bench\\_%' AND relkind = 'r'";
        var found = Convert.ToInt64(await server.ScalarAsync(count, run.Database).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (found != expected)
        {
            throw new InvalidOperationException($"{tool.Name}: {found} benchmark tables {when}, expected {expected}");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];
}
