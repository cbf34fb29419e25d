using Strata.SchemaCorpus;

// bench/schema-corpus.sh builds this and runs it from the repository root. See bench/README.md.
try
{
    var options = CorpusOptions.Parse(args);
    var report = new CorpusReport();
    Directory.CreateDirectory(options.Output);
    foreach (var spec in options.Sets)
    {
        Console.Error.WriteLine($"schema-corpus: {spec.Name} ({spec.Layout})");
        report.Add(await ProjectRun.RunAsync(spec, options));
    }

    var table = report.Table();
    Console.WriteLine(table);
    File.WriteAllText(Path.Combine(options.Output, "schema-corpus.md"), table);
    Console.Error.WriteLine($"schema-corpus: details per project in {options.Output} (they hold the projects' SQL: keep them out of the repository)");
    return report.AllIdentical ? 0 : 3;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("schema-corpus: " + e.Message);
    return 2;
}
