using Strata.LintCompare;

// bench/lint-compare.sh builds this and runs it from the repository root. See bench/README.md.
try
{
    var options = CompareOptions.Parse(args, Directory.GetCurrentDirectory());
    var agreement = new Agreement(Verdicts.Read(Path.Combine(AppContext.BaseDirectory, "verdicts.tsv")));
    foreach (var spec in options.Sets)
    {
        var migrations = SetReader.Read(spec.Folder, spec.Layout);
        var folder = Path.Combine(options.Output, spec.Name.Replace('/', '+'), "migrations");
        var set = ConvertedSet.Write(spec.Name, folder, migrations);
        Console.Error.WriteLine($"lint-compare: {spec.Name}: {migrations.Count} migrations ({spec.Layout})");
        var (strata, strataTime) = StrataRunner.Run(options.Strata, set, options.StrataConfig);
        var (squawk, squawkTime) = SquawkRunner.Run(options.Squawk, set, options.SquawkInclude);
        agreement.Add(set, strata, squawk, strataTime, squawkTime);
    }

    var table = agreement.Table();
    Console.WriteLine(table);
    var details = Path.Combine(options.Output, "disagreements.tsv");
    File.WriteAllLines(details, ["project\tfile\tline\tonly by\trule\tverdict\treason\tmessage\ttransaction\tstatement", .. agreement.Details]);
    File.WriteAllText(Path.Combine(options.Output, "agreement.md"), table);
    Console.Error.WriteLine($"lint-compare: {agreement.Details.Count} disagreements in {details} (holds the projects' SQL: keep it out of the repository)");
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("lint-compare: " + e.Message);
    return 2;
}
