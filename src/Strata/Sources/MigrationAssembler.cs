using Strata.Errors;

namespace Strata.Sources;

/// <summary>
/// Turns loaded files into <see cref="Migration"/>s: pairs <c>.up.sql</c> with <c>.down.sql</c>, and reports
/// duplicate versions, duplicate repeatable names, orphan or mismatched down files (naming every path involved).
/// </summary>
internal static class MigrationAssembler
{
    /// <summary>The migrations, versioned by numeric version then repeatables by name; problems go to <paramref name="problems"/>.</summary>
    public static List<Migration> Assemble(IReadOnlyList<LoadedFile> files, List<Problem> problems)
    {
        var result = new List<Migration>();
        var versioned = files.Where(f => f.Name.Kind == MigrationKind.Versioned).GroupBy(f => f.Name.Version!.Value).OrderBy(g => g.Key);
        foreach (var group in versioned)
        {
            if (Versioned(group.Key, group.ToList(), problems) is { } migration)
            {
                result.Add(migration);
            }
        }

        var repeatables = files.Where(f => f.Name.Kind == MigrationKind.Repeatable)
            .GroupBy(f => f.Name.Slug, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.First().Name.Slug, StringComparer.Ordinal);
        foreach (var group in repeatables)
        {
            var list = group.ToList();
            if (list.Count > 1)
            {
                problems.Add(new Problem(list[0].Path, $"the repeatable migration name '{list[0].Name.Slug}' is used by {Join(list)} (names differ only in letter case); rename or merge them"));
            }
            else if (list[0] is { Checksum: { } checksum, Parsed: { } parsed } file)
            {
                result.Add(Build(file, checksum, parsed, down: null, downPath: file.Path));
            }
        }

        return result;
    }

    /// <summary>
    /// Every migration that could be read despite the folder's problems: <paramref name="assembled"/> plus each other
    /// parsed up (or single) file on its own (one of a duplicate version, one whose down file is wrong). Only lint reads
    /// them: they are never run.
    /// </summary>
    public static List<Migration> Readable(IReadOnlyList<LoadedFile> files, List<Migration> assembled)
    {
        var taken = assembled.Select(m => m.SourcePath).ToHashSet(StringComparer.Ordinal);
        var extra = files
            .Where(f => f.Checksum is not null && (f.Parsed ?? f.Readable) is not null && f.Name.Part != MigrationFilePart.Down && !taken.Contains(f.Path))
            .Select(f => (File: f, Parsed: (f.Parsed ?? f.Readable)!))
            .Select(x => Build(x.File, x.File.Checksum!, x.Parsed, x.File.Name.Part == MigrationFilePart.Single ? x.Parsed.Down : null, x.File.Path));
        return assembled.Concat(extra)
            .OrderBy(m => m.Kind)
            .ThenBy(m => m.Version)
            .ThenBy(m => m.Kind == MigrationKind.Repeatable ? m.Name : m.SourcePath, StringComparer.Ordinal)
            .ToList();
    }

    private static Migration? Versioned(long version, List<LoadedFile> group, List<Problem> problems)
    {
        var mains = group.Where(f => f.Name.Part != MigrationFilePart.Down).ToList();
        var downs = group.Where(f => f.Name.Part == MigrationFilePart.Down).ToList();
        if (mains.Count > 1)
        {
            problems.Add(new Problem(mains[0].Path, $"version {version} is used by more than one migration: {Join(mains)}; give each migration its own version"));
            return null;
        }

        if (mains.Count == 0)
        {
            foreach (var orphan in downs)
            {
                problems.Add(new Problem(orphan.Path, $"this down script has no up script; add {orphan.Name.VersionText}_{orphan.Name.Slug}.up.sql or delete it"));
            }

            return null;
        }

        var main = mains[0];
        var problem = DownProblem(version, main, downs);
        if (problem is not null)
        {
            problems.Add(new Problem(main.Path, problem));
            return null;
        }

        var down = downs.Count == 1 ? downs[0] : null;
        if (main is not { Checksum: { } checksum, Parsed: { } parsed } || down is { Parsed: null })
        {
            return null;
        }

        return main.Name.Part == MigrationFilePart.Single
            ? Build(main, checksum, parsed, parsed.Down, main.Path)
            : Build(main, checksum, parsed, down?.Parsed!.Up, down?.Path ?? main.Path);
    }

    private static string? DownProblem(long version, LoadedFile main, List<LoadedFile> downs)
    {
        if (downs.Count > 1)
        {
            return $"version {version} has more than one down script: {Join(downs)}; keep one";
        }

        if (downs.Count == 0)
        {
            return null;
        }

        var down = downs[0];
        if (main.Name.Part == MigrationFilePart.Single)
        {
            return $"{main.Path} and {down.Path} share version {version}, but {main.Name.FileName} is a single-file migration; "
                + $"put the down script after a -- strata:down line in it, or rename it to {main.Name.VersionText}_{main.Name.Slug}.up.sql";
        }

        return down.Name.Slug != main.Name.Slug || down.Name.VersionText != main.Name.VersionText
            ? $"{main.Path} and {down.Path} share version {version} but their names differ; rename the down script to {main.Name.VersionText}_{main.Name.Slug}.down.sql"
            : null;
    }

    private static Migration Build(LoadedFile main, string checksum, ParsedMigrationFile parsed, ScriptSection? down, string downPath) => new()
    {
        Version = main.Name.Version,
        VersionText = main.Name.VersionText,
        Name = main.Name.Slug,
        Kind = main.Name.Kind,
        Checksum = checksum,
        Up = parsed.Up.ToScript(main.Path),
        Down = down?.ToScript(downPath),
        Environments = parsed.Environments,
        SourcePath = main.Path,
    };

    private static string Join(List<LoadedFile> files) =>
        files.Count == 2 ? $"{files[0].Path} and {files[1].Path}" : string.Join(", ", files.Select(f => f.Path));
}
