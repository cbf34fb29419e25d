using System.Text.RegularExpressions;

namespace Strata.Sources;

/// <summary>
/// How a migrations folder writes a migration and its undo, so <c>strata new</c> and <c>strata generate</c> write the
/// next one the way the folder already does: one file with a <c>-- strata:down</c> section, or a pair
/// (<c>N_x.up.sql</c> + <c>N_x.down.sql</c>, <c>N_x.sql</c> + <c>N_x.down.sql</c>, <c>N_x.sql</c> + <c>N_x_down.sql</c>).
/// The newest migration that has an undo decides; a folder with none (or no files) gets single files.
/// </summary>
/// <param name="UpSuffix">What follows <c>N_slug</c> in the up file (<c>.sql</c>, <c>.up.sql</c>).</param>
/// <param name="DownSuffix">What follows <c>N_slug</c> in the down file, or null for a single file.</param>
public sealed partial record MigrationFileShape(string UpSuffix, string? DownSuffix)
{
    /// <summary>One file, the undo after <c>-- strata:down</c>.</summary>
    public static readonly MigrationFileShape OneFile = new(".sql", null);

    /// <summary><c>N_x.up.sql</c> and <c>N_x.down.sql</c> (golang-migrate, node-pg-migrate's SQL files).</summary>
    public static readonly MigrationFileShape UpDown = new(".up.sql", ".down.sql");

    /// <summary>True when the undo goes in a file of its own.</summary>
    public bool IsPair => DownSuffix is not null;

    /// <summary>How the user would say it: "N_slug.up.sql + N_slug.down.sql" or "N_slug.sql with a -- strata:down section".</summary>
    public string Describe => IsPair ? $"N_slug{UpSuffix} + N_slug{DownSuffix}" : "N_slug.sql with a -- strata:down section";

    /// <summary>
    /// The shape to write in <paramref name="folder"/>: <paramref name="pair"/> asks for a pair (the folder's kind of
    /// pair, else <see cref="UpDown"/>), <paramref name="oneFile"/> for one file; otherwise the folder's convention.
    /// Both is bad input (exit 2).
    /// </summary>
    /// <param name="folder">The migrations folder (it need not exist).</param>
    /// <param name="pair">Write the undo in a file of its own (<c>--pair</c>).</param>
    /// <param name="oneFile">Write one file with a <c>-- strata:down</c> section (<c>--single</c>).</param>
    public static MigrationFileShape For(string folder, bool pair, bool oneFile)
    {
        if (pair && oneFile)
        {
            throw new Errors.StrataException(Errors.ErrorCategory.BadInput, "--pair and --single ask for opposite things", "give one of them, or neither to follow the folder's convention");
        }

        var found = Detect(folder);
        return oneFile ? OneFile : pair ? (found.IsPair ? found : UpDown) : found;
    }

    /// <summary>The convention of the newest migration in <paramref name="folder"/> that has an undo; <see cref="OneFile"/> when none has.</summary>
    /// <param name="folder">The migrations folder (it need not exist).</param>
    public static MigrationFileShape Detect(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return OneFile;
        }

        var byVersion = Directory.EnumerateFiles(folder, "*.sql")
            .Select(path => (Path: path, Match: FileName().Match(Path.GetFileName(path))))
            .Where(f => f.Match.Success)
            .GroupBy(f => long.Parse(f.Match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .OrderByDescending(g => g.Key);
        foreach (var files in byVersion)
        {
            var suffixes = files.Select(f => f.Match.Groups["suffix"].Value).ToHashSet(StringComparer.Ordinal);
            if (suffixes.Contains(".down.sql") || suffixes.Contains("_down.sql"))
            {
                var down = suffixes.Contains(".down.sql") ? ".down.sql" : "_down.sql";
                return new(suffixes.Contains(".up.sql") ? ".up.sql" : ".sql", down);
            }

            if (suffixes.Contains(".sql") && files.Any(f => HasDownSection(f.Path)))
            {
                return OneFile;
            }
        }

        return OneFile;
    }

    /// <summary>The files of one migration: (file name, text). A single file joins the two parts at <c>-- strata:down</c>.</summary>
    /// <param name="version">The version as it is written (digits, zero-padded as the folder is).</param>
    /// <param name="slug">What the migration does (<see cref="MigrationFolder.Slug"/>).</param>
    /// <param name="up">The up script's text.</param>
    /// <param name="down">The down script's text.</param>
    public IReadOnlyList<(string File, string Text)> Files(string version, string slug, string up, string down) => IsPair
        ? [($"{version}_{slug}{UpSuffix}", up), ($"{version}_{slug}{DownSuffix}", down)]
        : [($"{version}_{slug}.sql", up.TrimEnd('\n') + "\n\n-- strata:down\n" + down)];

    private static bool HasDownSection(string path)
    {
        try
        {
            return File.ReadLines(path).Any(l => l.TrimStart().StartsWith("-- strata:down", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?<version>\d{1,18})_[A-Za-z0-9_]*?(?<suffix>\.up\.sql|\.down\.sql|_down\.sql|\.sql)$")]
    private static partial Regex FileName();
}
