using System.Globalization;

namespace Strata.Bench;

/// <summary>
/// Times every tool over every size: per run a fresh database, then apply, no-op, status and rollback in that order
/// (each operation starts from the state the previous one left). One untimed warm-up run per tool and size comes
/// first. A tool that fails is reported in the table with its error instead of stopping the other tools.
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
        var results = new List<Measurement>();
        var set = new MigrationSet(size);
        for (var t = 0; t < tools.Count; t++)
        {
            var tool = tools[t];
            Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {size} migrations: {tool.Name}");
            results.AddRange(tool.Unavailable is { } why
                ? Enum.GetValues<Operation>().Select(o => Measurement.Missing(Describe(o), tool.Name, size, why))
                : await MeasureToolAsync(tool, set, t).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<IEnumerable<Measurement>> MeasureToolAsync(IMigrationTool tool, MigrationSet set, int index)
    {
        var folder = Path.Combine(scratch, $"t{index}-{set.Size}");
        var migrations = Directory.CreateDirectory(Path.Combine(folder, "migrations")).FullName;
        var work = Directory.CreateDirectory(Path.Combine(folder, "work")).FullName;
        var samples = Enum.GetValues<Operation>().ToDictionary(o => o, _ => new List<TimeSpan>());
        try
        {
            await tool.PrepareAsync(set, migrations).ConfigureAwait(false);
            for (var run = 0; run <= tool.TimedRuns(set.Size, options.Runs); run++)
            {
                var database = $"bench_{index}_{set.Size}_{run.ToString(CultureInfo.InvariantCulture)}";
                var timings = await RunOnceAsync(tool, new ToolRun(server, database, set, migrations, work)).ConfigureAwait(false);
                foreach (var (operation, elapsed) in run == 0 ? [] : timings)
                {
                    samples[operation].Add(elapsed);
                }
            }
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"{tool.Name} failed: {e.Message}");
            var reason = "failed here: " + FirstLine(e.Message);
            return Enum.GetValues<Operation>().Select(o => Measurement.Missing(Describe(o), tool.Name, set.Size, reason));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return samples.Select(s => tool.Supports(s.Key)
            ? new Measurement(Describe(s.Key), tool.Name, set.Size, s.Value)
            : Measurement.Missing(Describe(s.Key), tool.Name, set.Size, "not supported by the tool"));
    }

    private async Task<List<(Operation, TimeSpan)>> RunOnceAsync(IMigrationTool tool, ToolRun run)
    {
        await server.CreateDatabaseAsync(run.Database).ConfigureAwait(false);
        try
        {
            var timings = new List<(Operation, TimeSpan)>();
            foreach (var operation in Enum.GetValues<Operation>().Where(tool.Supports))
            {
                timings.Add((operation, await tool.RunAsync(operation, run).ConfigureAwait(false)));
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
