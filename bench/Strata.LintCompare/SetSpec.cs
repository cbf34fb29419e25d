namespace Strata.LintCompare;

/// <summary>A migration set to compare: a project's name, its migrations folder and its layout.</summary>
internal sealed record SetSpec(string Name, string Folder, Layout Layout)
{
    /// <summary>
    /// The PostgreSQL rows of the shared corpus manifest (<c>| owner/name | commit | path | layout | engine | notes |</c>),
    /// the layout read from the layout column's words (Diesel, Prisma, goose, sql-migrate, dbmate, .up.sql).
    /// </summary>
    public static IEnumerable<SetSpec> FromManifest(string corpus)
    {
        foreach (var line in File.ReadLines(Path.Combine(corpus, "MANIFEST.md")))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 7 || !cells[1].Contains('/', StringComparison.Ordinal) || !cells[5].StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var folder = Path.Combine(corpus, cells[3]);
            if (Directory.Exists(folder))
            {
                yield return new SetSpec(cells[1], folder, LayoutOf(cells[4], folder));
            }
        }
    }

    /// <summary><c>name=folder</c> or <c>name=folder:layout</c> from the command line.</summary>
    public static SetSpec Parse(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--set {value}: expected name=folder[:layout]");
        }

        var rest = value[(equals + 1)..];
        var colon = rest.LastIndexOf(':');
        var folder = colon > 0 && Enum.TryParse<Layout>(rest[(colon + 1)..], ignoreCase: true, out _) ? rest[..colon] : rest;
        var layout = folder.Length < rest.Length ? Enum.Parse<Layout>(rest[(colon + 1)..], ignoreCase: true) : SetReader.Detect(folder);
        return new SetSpec(value[..equals], Path.GetFullPath(folder), layout);
    }

    private static Layout LayoutOf(string text, string folder) =>
        text.Contains("popx", StringComparison.OrdinalIgnoreCase) ? Layout.Popx
        : text.Contains("Diesel", StringComparison.OrdinalIgnoreCase) ? Layout.Diesel
        : text.Contains("Prisma", StringComparison.OrdinalIgnoreCase) ? Layout.Prisma
        : text.Contains("goose", StringComparison.OrdinalIgnoreCase) ? Layout.Goose
        : text.Contains("sql-migrate", StringComparison.OrdinalIgnoreCase) ? Layout.SqlMigrate
        : text.Contains("dbmate", StringComparison.OrdinalIgnoreCase) ? Layout.Dbmate
        : text.Contains(".up.sql", StringComparison.OrdinalIgnoreCase) || text.Contains("golang-migrate", StringComparison.OrdinalIgnoreCase) ? Layout.UpDownFiles
        : SetReader.Detect(folder);
}
