using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Strata.Bench.Micro;

// In-process (no generated project to build) and short: three warm-ups, five measured iterations per benchmark.
var job = Job.ShortRun.WithWarmupCount(3).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance);
var config = DefaultConfig.Instance.AddJob(job)
    .WithArtifactsPath(Path.Combine(Directory.GetCurrentDirectory(), "bench", ".tools", "BenchmarkDotNet.Artifacts"));
var summary = BenchmarkRunner.Run<SqlBenchmarks>(config, args);

var megabytes = SqlBenchmarks.Bytes / 1_000_000.0;
var table = new StringBuilder()
    .AppendLine(CultureInfo.InvariantCulture, $"# Micro-benchmarks, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.MachineName}")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"BenchmarkDotNet, in-process, {Environment.ProcessorCount} CPUs, load average {LoadAverage()}; input {megabytes:0.00} MB of PostgreSQL migration SQL.")
    .AppendLine()
    .AppendLine("| benchmark | median per MB | throughput | allocated per run |")
    .AppendLine("|---|---:|---:|---:|");
foreach (var report in summary.Reports.Where(r => r.ResultStatistics is not null))
{
    var seconds = report.ResultStatistics!.Median / 1e9;
    var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
    table.AppendLine(CultureInfo.InvariantCulture,
        $"| {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'')} | {seconds * 1000 / megabytes:0.00} ms | {megabytes / seconds:0} MB/s | {allocated / 1_000_000.0:0.0} MB |");
}

var folder = Path.Combine(Directory.GetCurrentDirectory(), "bench", "results");
Directory.CreateDirectory(folder);
await File.WriteAllTextAsync(Path.Combine(folder, "micro-latest.md"), table.ToString());
Console.WriteLine(table);
return summary.HasCriticalValidationErrors ? 1 : 0;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
