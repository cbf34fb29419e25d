namespace Strata.LintCompare;

/// <summary>The command line of bench/lint-compare.sh.</summary>
internal sealed record CompareOptions(IReadOnlyList<SetSpec> Sets, string Strata, string Squawk, string Output, string? StrataConfig, IReadOnlyList<string> SquawkInclude)
{
    private const string Usage = "usage: lint-compare [--corpus /work/corpus | --set name=folder[:layout] …] [--only word] [--style] --strata <exe> --squawk <exe> [--out dir]";

    public static CompareOptions Parse(string[] args, string root)
    {
        var sets = new List<SetSpec>();
        string? corpus = null, strata = null, squawk = null, output = null, only = null;
        var style = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value; {Usage}");
            switch (args[i])
            {
                case "--corpus": corpus = Next(); break;
                case "--set": sets.Add(SetSpec.Parse(Next())); break;
                case "--only": only = Next(); break;
                case "--strata": strata = Next(); break;
                case "--squawk": squawk = Next(); break;
                case "--out": output = Next(); break;
                case "--style": style = true; break;
                default: throw new ArgumentException($"unknown argument {args[i]}; {Usage}");
            }
        }

        if (sets.Count == 0)
        {
            sets.AddRange(SetSpec.FromManifest(corpus ?? "/work/corpus"));
        }

        sets = [.. sets.Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
        if (sets.Count == 0 || strata is null || squawk is null)
        {
            throw new ArgumentException(sets.Count == 0 ? "no migration sets (none in the corpus manifest, or --only matched none)" : Usage);
        }

        // The style pack is opt-in in Strata; squawk's style rules are on by default, so --style compares them too.
        // missing-down is off: the converted files hold the up scripts only.
        var config = style ? """{ "lint": { "style": true, "rules": { "missing-down": "off" } } }""" : """{ "lint": { "rules": { "missing-down": "off" } } }""";
        return new CompareOptions(sets, strata, squawk, Path.GetFullPath(output ?? Path.Combine(root, "bench/results/tmp/lint-compare")), config, []);
    }
}
