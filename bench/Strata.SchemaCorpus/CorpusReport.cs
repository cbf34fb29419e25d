using System.Text;

namespace Strata.SchemaCorpus;

/// <summary>The table of results, one row per project, in Markdown (docs/schema.md keeps a copy).</summary>
internal sealed class CorpusReport
{
    private readonly List<ProjectResult> _results = [];

    public bool AllIdentical => _results.All(r => r.Identical || r.ApplyFailure is not null);

    public void Add(ProjectResult result) => _results.Add(result);

    public string Table()
    {
        var text = new StringBuilder();
        text.Append("| project | migrations | tables | other objects | pg_dump objects | not managed | pull → push: objects differing (also after pg_dump → psql) | diff after push | generate → migrate: objects differing (also after pg_dump → psql) | diff after migrate | rollback leaves |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in _results)
        {
            if (r.ApplyFailure is not null)
            {
                text.Append($"| {r.Name} | {r.Migrations} | — | — | — | — | migrations do not apply with psql: {Cell(r.ApplyFailure)} | | | | |\n");
                continue;
            }

            var notManaged = r.NotManaged.Count == 0 ? "0" : $"{r.NotManaged.Count}: {Cell(string.Join(", ", r.NotManaged))}";
            text.Append($"| {r.Name} | {r.Migrations} | {r.Tables} | {r.Objects} | {r.DumpObjects} | {notManaged} | {Pair(r.PushBeyondRestore, r.PushDifferent)} | {Exit(r.PushDiffExit)} | "
                + $"{Pair(r.MigrateBeyondRestore, r.MigrateDifferent)} | {Exit(r.MigrateDiffExit)} | {Count(r.RollbackLeft)} |\n");
            if (r.StrataFailure is not null)
            {
                text.Append($"| | | | | | | strata failed: {Cell(r.StrataFailure)} | | | | |\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Objects differing because of Strata, and (in brackets) those pg_dump's own restored copy differs in too.</summary>
    private static string Pair(int beyond, int all) => beyond < 0 || all < 0 ? "not run" : all == beyond ? Count(beyond) : $"{beyond} ({all - beyond} also after pg_dump → psql)";

    private static string Count(int value) => value < 0 ? "not run" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Exit(int value) => value < 0 ? "not run" : "exit " + value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Cell(string text)
    {
        var line = text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal).Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
