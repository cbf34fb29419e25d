using Strata.Bench.Scenarios;
using Strata.Bench.Tools;

namespace Strata.Bench;

/// <summary>
/// The tools and scenarios one run measures, in table order. A new measurement is one line here plus its class:
/// an <see cref="IMigrationTool"/> for a migration tool, an <see cref="IScenario"/> for anything else.
/// </summary>
internal static class ToolSet
{
    public const string DbmateName = "dbmate 2.36.0";

    /// <summary>The tables of the schema the schema-command rows use (issue 17: a 100-table real schema).</summary>
    public const int SchemaSize = 100;

    public static IReadOnlyList<IMigrationTool> Create(BenchOptions options)
    {
        var tools = new List<IMigrationTool>
        {
            new PsqlTool(perMigration: true),
            new PsqlTool(perMigration: false),
            new StrataCliTool(Harness.StrataTool, Build(options, "aot"), BuildProblem(options, "aot")),
            new StrataCliTool("Strata CLI (JIT)", Build(options, "jit")),
            new StrataLibraryTool(),
        };
        if (options.Peers)
        {
            tools.AddRange([new DbmateTool(), new NodePgMigrateTool(), new SqitchTool(), new EfCoreTool(options.ToolsDirectory)]);
        }

        return [.. tools.Where(t => options.Selects(t.Name))];
    }

    public static IEnumerable<IScenario> Scenarios(BenchOptions options, BenchServer server, string scratch) =>
        AllScenarios(options, server, scratch).Where(s => options.Selects(s.What, s.Tool));

    private static IEnumerable<IScenario> AllScenarios(BenchOptions options, BenchServer server, string scratch)
    {
        string[] builds = ["jit", "aot"];
        foreach (var noop in new[] { false, true })
        {
            foreach (var build in builds)
            {
                yield return new StartupScenario(server, build, BuildName(build), Build(options, build), BuildProblem(options, build), noop, scratch);
            }
        }

        yield return new TemplateCloneScenario(server, 1000, scratch);
        foreach (var mode in new[] { TestDatabaseMode.WarmPool, TestDatabaseMode.ColdClone, TestDatabaseMode.Reset, TestDatabaseMode.FromScratch })
        {
            yield return new TestDatabaseScenario(server, 1000, scratch, mode);
        }

        yield return new IntrospectionScenario(server, 1000, scratch);
        foreach (var command in new[] { SchemaCommand.Dump, SchemaCommand.Diff, SchemaCommand.Push, SchemaCommand.PushScriptByPsql })
        {
            yield return new SchemaCommandScenario(server, command, BuildName("aot"), Build(options, "aot"), BuildProblem(options, "aot"), SchemaSize, scratch);
        }

        foreach (var databases in options.FleetSizes)
        {
            foreach (var noop in new[] { false, true })
            {
                yield return new FleetScenario(server, databases, noop, loop: false, Build(options, "aot"), BuildProblem(options, "aot"), scratch);
                yield return new FleetScenario(server, databases, noop, loop: true, Build(options, "aot"), BuildProblem(options, "aot"), scratch);
            }
        }

        foreach (var size in options.Sizes)
        {
            yield return new LintScenario(Build(options, "aot"), BuildProblem(options, "aot"), size, scratch);
            yield return new SquawkLintScenario(size, scratch);
            yield return new CodegenScenario(server, size, scratch);
        }

        yield return new StudioFirstPaintScenario(server, 1000);
        yield return new LargeFileScenario(server, Harness.StrataTool, Build(options, "aot"), BuildProblem(options, "aot"), options.LargeFileMegabytes, scratch);
    }

    private static string BuildName(string build) => build switch
    {
        "jit" => "strata, JIT (net10.0, framework-dependent: the .NET tool off linux-x64)",
        _ => "strata, native AOT (net10.0, the published executable and the linux-x64 .NET tool)",
    };

    /// <summary>The executable bench/run.sh published for <paramref name="build"/>.</summary>
    private static string Build(BenchOptions options, string build) => Path.Combine(options.ToolsDirectory, "strata-" + build, "strata");

    /// <summary>Why run.sh could not publish <paramref name="build"/>: the first line of its note, or null.</summary>
    private static string? BuildProblem(BenchOptions options, string build)
    {
        var note = Path.Combine(options.ToolsDirectory, $"strata-{build}.failed");
        return File.Exists(note) ? "not buildable here: " + File.ReadLines(note).FirstOrDefault() : null;
    }
}
