using Strata.Errors;
using Strata.Sql;

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
        if (UnderscoreDown(mains) is { } underscoreDown)
        {
            // 316_x_down.sql next to 316_x.sql (or 316_x.up.sql) is x's down file, the numbered-SQL team's naming.
            mains.Remove(underscoreDown);
            downs.Add(underscoreDown);
        }

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

        if (down is null)
        {
            return Build(main, checksum, parsed, parsed.Down, main.Path);
        }

        // One rule for down scripts: a down section is part of its file's checksum, and so is a down file (the
        // checksum of a pair covers both files; a row holding the up file's alone, as stored before, still matches).
        return Build(main, Checksum.Compute(checksum + "\n" + down.Checksum), parsed, down.Parsed!.Up, down.Path, upOnlyChecksum: checksum);
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
        if (main.Name.Part == MigrationFilePart.Single && main.Parsed is { Down: not null })
        {
            return $"{main.Path} has a -- strata:down section and {down.Path} is a down script for the same version {version}; keep one of them";
        }

        return DownSlug(down) != main.Name.Slug || down.Name.VersionText != main.Name.VersionText
            ? $"{main.Path} and {down.Path} share version {version} but their names differ; rename the down script to {main.Name.VersionText}_{main.Name.Slug}.down.sql"
            : null;
    }

    /// <summary>The single file <c>N_x_down.sql</c> among <paramref name="mains"/> when <c>N_x.sql</c> or <c>N_x.up.sql</c> is there too.</summary>
    private static LoadedFile? UnderscoreDown(List<LoadedFile> mains) =>
        mains.Count == 2
            ? mains.FirstOrDefault(d => d.Name.Part == MigrationFilePart.Single && d.Name.Slug.EndsWith("_down", StringComparison.Ordinal)
                && mains.Any(m => m != d && m.Name.Slug + "_down" == d.Name.Slug && m.Name.VersionText == d.Name.VersionText))
            : null;

    /// <summary>The slug a down file names: <c>x</c> for <c>N_x.down.sql</c> and <c>N_x_down.sql</c>.</summary>
    private static string DownSlug(LoadedFile down) =>
        down.Name.Part == MigrationFilePart.Single ? down.Name.Slug[..^"_down".Length] : down.Name.Slug;

    private static Migration Build(LoadedFile main, string checksum, ParsedMigrationFile parsed, ScriptSection? down, string downPath, string? upOnlyChecksum = null) => new()
    {
        UpOnlyChecksum = upOnlyChecksum,
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
