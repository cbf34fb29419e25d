using Strata.Bench;

// bench/run.sh builds the strata executables and the peers, then runs this program from the repository root.
try
{
    var options = BenchOptions.Parse(args, Directory.GetCurrentDirectory());
    if (!File.Exists(Path.Combine(options.RepositoryRoot, "Strata.slnx")))
    {
        throw new ArgumentException($"run from the repository root (no Strata.slnx in {options.RepositoryRoot}); use bench/run.sh");
    }

    var written = await Harness.RunAsync(options, "bench/run.sh " + string.Join(' ', args));
    Console.WriteLine(options.Only.Count > 0
        ? $"results: {written} (a run narrowed by --only leaves bench/results/latest.md as it was)"
        : $"results: {written} (and bench/results/latest.md)");
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("bench: " + e.Message);
    return 2;
}
