using Strata.LintCompare;

namespace Strata.SchemaCorpus;

/// <summary>The command line: the strata CLI, the server to work on, the projects (the corpus manifest's, or --set), where to write details.</summary>
internal sealed record CorpusOptions(string Strata, string Server, IReadOnlyList<SetSpec> Sets, string Output)
{
    public static CorpusOptions Parse(string[] args)
    {
        string? strata = null;
        string? server = Environment.GetEnvironmentVariable("STRATA_CORPUS_SERVER");
        var corpus = "/work/corpus";
        var output = Path.GetFullPath("bench/results/tmp/schema-corpus");
        var only = new List<string>();
        var sets = new List<SetSpec>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--strata": strata = value; break;
                case "--server": server = value; break;
                case "--corpus": corpus = value; break;
                case "--output": output = Path.GetFullPath(value); break;
                case "--only": only.Add(value); break;
                case "--set": sets.Add(SetSpec.Parse(value)); break;
                default: throw new ArgumentException($"unknown argument {args[i]}; see bench/README.md");
            }

            i++;
        }

        if (sets.Count == 0)
        {
            sets.AddRange(SetSpec.FromManifest(corpus));
        }

        var chosen = sets.Where(s => only.Count == 0 || only.Any(o => s.Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToList();
        return new CorpusOptions(
            strata ?? throw new ArgumentException("--strata <path of the strata program> is required"),
            server ?? throw new ArgumentException("--server <PostgreSQL connection string of a role with CREATEDB> or STRATA_CORPUS_SERVER is required"),
            chosen.Count > 0 ? chosen : throw new ArgumentException("no project to run: check --corpus, --only or --set"),
            output);
    }
}
