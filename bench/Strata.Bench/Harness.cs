using Strata.Bench.Report;
using Strata.Bench.Scenarios;

namespace Strata.Bench;

/// <summary>
/// One end-to-end harness run: starts the throwaway server, measures every tool at every size and every other
/// scenario, writes the results file and stops the server (also when a measurement throws).
/// </summary>
internal static class Harness
{
    public const string StrataTool = "Strata CLI (native AOT)";

    public static async Task<string> RunAsync(BenchOptions options, string command)
    {
        var started = DateTimeOffset.UtcNow;
        var loadBefore = MachineInfo.LoadAverage();
        var scratch = Directory.CreateDirectory(Path.Combine(options.ResultsDirectory, "tmp", Guid.NewGuid().ToString("N")[..8])).FullName;
        var results = new List<Measurement>();
        string version;
        await using (var server = BenchServer.Start())
        {
            try
            {
                version = await server.VersionAsync();
                var bench = new ToolBench(server, options, scratch);
                var tools = ToolSet.Create(options);
                foreach (var size in options.Sizes)
                {
                    results.AddRange(await bench.MeasureAsync(tools, size));
                }

                results.AddRange(await ScenarioBench.MeasureAsync(ToolSet.Scenarios(options, server, scratch), options.Runs));
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        var conditions = new RunConditions(started, command, MachineInfo.CpuCount, MachineInfo.CpuModel(), MachineInfo.Runtime,
            loadBefore, MachineInfo.LoadAverage(), version, options.Runs, StrataTool);
        var targets = new Targets(results, StrataTool, ReportWriter.PsqlLimit, ToolSet.DbmateName);
        return await new ReportWriter(conditions, results, targets).WriteAsync(options.ResultsDirectory, partial: options.Only.Count > 0);
    }
}
