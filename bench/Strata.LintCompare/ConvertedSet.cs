namespace Strata.LintCompare;

/// <summary>One project's migrations written as Strata files (up scripts only), ready for both linters.</summary>
/// <param name="Name">The project, e.g. <c>LemmyNet/lemmy</c>.</param>
/// <param name="Folder">Where the Strata files are.</param>
/// <param name="Files">Each written file with its migration.</param>
internal sealed record ConvertedSet(string Name, string Folder, IReadOnlyList<ConvertedFile> Files)
{
    /// <summary>
    /// Writes <paramref name="migrations"/> into <paramref name="folder"/> as <c>00001_slug.sql</c>, in order; a
    /// no-transaction migration gets a first line <c>-- strata:no-transaction</c> (its lines shift by one).
    /// </summary>
    public static ConvertedSet Write(string name, string folder, IReadOnlyList<SourceMigration> migrations)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var files = new List<ConvertedFile>();
        for (var i = 0; i < migrations.Count; i++)
        {
            var m = migrations[i];
            var fileName = $"{i + 1:D5}_{m.Name}.sql";
            var text = m.Transactional ? m.Up : "-- strata:no-transaction\n" + m.Up;
            File.WriteAllText(Path.Combine(folder, fileName), text);
            files.Add(new ConvertedFile(fileName, m, text, m.Transactional ? 0 : 1));
        }

        return new ConvertedSet(name, folder, files);
    }
}
