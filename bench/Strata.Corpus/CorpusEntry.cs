namespace Strata.Corpus;

/// <summary>One migration folder of the corpus: a row of MANIFEST.md.</summary>
/// <param name="Project">owner/name.</param>
/// <param name="Folder">The migrations folder (absolute).</param>
internal sealed record CorpusEntry(string Project, string Folder)
{
    /// <summary>The rows of <paramref name="manifest"/> whose engine names <paramref name="engine"/> (columns: project, commit, path under the corpus, layout, engine, notes).</summary>
    public static List<CorpusEntry> Read(string manifest, string engine = "PostgreSQL")
    {
        var corpus = Path.GetDirectoryName(Path.GetFullPath(manifest))!;
        var result = new List<CorpusEntry>();
        foreach (var line in File.ReadLines(manifest).Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 7 || cells[1] is "project (owner/name)" || cells[1].StartsWith("---", StringComparison.Ordinal)
                || !cells[5].StartsWith(engine, StringComparison.Ordinal))
            {
                continue;
            }

            var folder = Path.Combine(corpus, cells[3]);
            if (Directory.Exists(folder))
            {
                result.Add(new CorpusEntry(cells[1], folder));
            }
        }

        return result;
    }
}
