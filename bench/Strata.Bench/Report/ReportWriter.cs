using System.Globalization;
using System.Text;

namespace Strata.Bench.Report;

/// <summary>
/// Writes one run's figures as markdown: the conditions (machine, load, server), one table per size with each
/// tool's median, min–max and ratios to the psql limits, the other scenarios, and the targets. The same text goes
/// to <c>bench/results/&lt;date&gt;-&lt;machine&gt;.md</c> and <c>bench/results/latest.md</c>.
/// </summary>
internal sealed class ReportWriter(RunConditions conditions, IReadOnlyList<Measurement> results, Targets targets)
{
    public const string PsqlLimit = "psql, one transaction per migration";
    public const string PsqlSingle = "psql, one transaction for all";

    public string Render()
    {
        var text = new StringBuilder();
        Header(text);
        foreach (var size in results.Where(r => ToolTable(r)).Select(r => r.Size).Distinct().Order())
        {
            SizeTable(text, size);
        }

        OtherTable(text);
        MemoryTable(text);
        TargetTable(text);
        return text.ToString();
    }

    /// <summary>
    /// Writes the dated results file and, for a full run, <c>latest.md</c>; a run narrowed with <c>--only</c> writes a
    /// dated <c>-partial</c> file only, so it never replaces the full table.
    /// </summary>
    public async Task<string> WriteAsync(string folder, bool partial)
    {
        Directory.CreateDirectory(folder);
        var text = Render();
        var dated = Path.Combine(folder, partial
            ? $"{MachineInfo.Stamp(conditions.Started)}-{conditions.Started.ToString("HHmm", CultureInfo.InvariantCulture)}-{MachineInfo.Host}-partial.md"
            : $"{MachineInfo.Stamp(conditions.Started)}-{MachineInfo.Host}.md");
        await File.WriteAllTextAsync(dated, text).ConfigureAwait(false);
        if (!partial)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "latest.md"), text).ConfigureAwait(false);
        }

        return dated;
    }

    private void Header(StringBuilder text)
    {
        var c = conditions;
        text.AppendLine(CultureInfo.InvariantCulture, $"# Strata benchmark, {c.Started:yyyy-MM-dd HH:mm} UTC on {MachineInfo.Host}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"- command: `{c.Command}`")
            .AppendLine(CultureInfo.InvariantCulture, $"- machine: {c.CpuCount} CPUs ({c.CpuModel}); {c.Runtime}")
            .AppendLine(CultureInfo.InvariantCulture, $"- load average (1/5/15 min): {c.LoadBefore} at the start, {c.LoadAfter} at the end")
            .AppendLine(CultureInfo.InvariantCulture, $"- server: PostgreSQL {c.ServerVersion}, throwaway cluster on 127.0.0.1, fsync, synchronous_commit and full_page_writes on")
            .AppendLine(CultureInfo.InvariantCulture, $"- runs: {c.Runs} timed runs per row after one untimed warm-up round, the tools taking turns run by run (a row whose min – max says \"1 run\" had one: sqitch from 1,000 on); median and min–max over the timed runs")
            .AppendLine("- migrations: each creates a table and an index; its down script drops the table")
            .AppendLine("- ratios compare medians of the same run: × limit is against psql with one transaction per migration plus a tracking insert")
            .AppendLine();
        if (c.LoadBefore.Split(' ')[0] is var load && double.TryParse(load, NumberStyles.Float, CultureInfo.InvariantCulture, out var l) && l > c.CpuCount * 0.5)
        {
            text.AppendLine("> The machine was busy (load average above half its CPUs): absolute times are noisy; compare ratios, and re-run on a quiet machine for the published table.")
                .AppendLine();
        }
    }

    private void SizeTable(StringBuilder text, int size)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"## {Format.Count(size)} migrations")
            .AppendLine()
            .AppendLine("| operation | tool | median | min – max | × limit (per migration) | × one transaction |")
            .AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var row in results.Where(r => r.Size == size && ToolTable(r)).OrderBy(r => OperationOrder(r.What)))
        {
            var limit = Find(row.What, PsqlLimit, size);
            var single = Find(row.What, PsqlSingle, size);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.What} | {row.Tool} | {Format.Median(row)} | {Format.Range(row)} | {Format.Ratio(row, limit)} | {Format.Ratio(row, single)} |");
        }

        text.AppendLine();
    }

    private void OtherTable(StringBuilder text)
    {
        text.AppendLine("## Start-up, test databases, introspection, lint, large file")
            .AppendLine()
            .AppendLine("| measurement | tool | size | median | min – max |")
            .AppendLine("|---|---|---:|---:|---:|");
        foreach (var row in results.Where(r => !ToolTable(r)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row.What} | {row.Tool} | {(row.Size == 0 ? "" : Format.Count(row.Size))} | {Format.Median(row)} | {Format.Range(row)} |");
        }

        text.AppendLine();
    }

    private void MemoryTable(StringBuilder text)
    {
        var rows = results.Where(r => r.PeakRss.Count > 0).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        text.AppendLine("## Memory: peak resident set size of the process")
            .AppendLine()
            .AppendLine("Measured with GNU time (`%M`) on the timed runs that report it.")
            .AppendLine()
            .AppendLine("| measurement | tool | size | peak RSS (median) | min – max |")
            .AppendLine("|---|---|---:|---:|---:|");
        foreach (var row in rows)
        {
            var sorted = row.PeakRss.Order().ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.What} | {row.Tool} | {Format.Count(row.Size)} | {Format.Megabytes(sorted[sorted.Count / 2])} | {Format.Megabytes(sorted[0])} – {Format.Megabytes(sorted[^1])} |");
        }

        text.AppendLine();
    }

    private void TargetTable(StringBuilder text)
    {
        int? size = results.Any(r => r.Size == 1000 && ToolTable(r)) ? 1000 : results.Where(ToolTable).Select(r => (int?)r.Size).Max();
        text.AppendLine(size is { } migrations ? $"## Targets (at {Format.Count(migrations)} migrations)" : "## Targets")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Strata here is `{conditions.StrataTool}`.")
            .AppendLine()
            .AppendLine("| target | measured | verdict |")
            .AppendLine("|---|---|---|");
        foreach (var row in targets.Rows(size))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row[0]} | {row[1]} | {row[2]} |");
        }

        text.AppendLine();
    }

    private static bool ToolTable(Measurement m) => OperationOrder(m.What) < 4;

    private static int OperationOrder(string what) =>
        Enum.GetValues<Operation>().Select(ToolBench.Describe).ToList().IndexOf(what) is var i and >= 0 ? i : 4;

    private Measurement? Find(string what, string tool, int size) =>
        results.FirstOrDefault(r => r.What == what && r.Tool == tool && r.Size == size);
}
