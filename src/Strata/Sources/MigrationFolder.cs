using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Errors;

namespace Strata.Sources;

/// <summary>
/// Writing the next migration into a migrations folder (what <c>strata new</c> and <c>strata generate</c> share): its
/// version, numbered the way the folder already is; its slug; and the files, never over one that exists. How the
/// migration is split into files is <see cref="MigrationFileShape"/>.
/// </summary>
public static partial class MigrationFolder
{
    private const string Seconds = "yyyyMMddHHmmss";
    private const string Milliseconds = "yyyyMMddHHmmssfff";

    /// <summary>
    /// The next version in <paramref name="folder"/> (which must exist): max+1, zero-padded to the widest version, when
    /// <paramref name="sequential"/> or when the folder already holds versions that are not timestamps; otherwise a UTC
    /// timestamp of <paramref name="utcNow"/> (<c>yyyyMMddHHmmss</c>, or with milliseconds when the folder's are), and
    /// never one at or below a version already there (then the newest one's <see cref="Following"/> time).
    /// </summary>
    /// <param name="folder">The migrations folder.</param>
    /// <param name="sequential">Number it max+1 even in an empty or timestamped folder (<c>--sequential</c>).</param>
    /// <param name="utcNow">The time a timestamp version is taken from.</param>
    public static string NextVersion(string folder, bool sequential, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var versions = Directory.EnumerateFiles(folder, "*.sql")
            .Select(f => VersionPrefix().Match(Path.GetFileName(f)))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
        var max = versions.Select(v => long.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        var timestamps = versions.Count > 0 && versions.All(v => v.Length is 14 or 17);
        if (sequential || (versions.Count > 0 && !timestamps))
        {
            var width = versions.Select(v => v.Length).DefaultIfEmpty(3).Max();
            return (max + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
        }

        var format = versions.Any(v => v.Length == 17) ? Milliseconds : Seconds;
        var stamp = long.Parse(utcNow.ToString(format, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return stamp > max ? stamp.ToString(CultureInfo.InvariantCulture) : After(max.ToString(CultureInfo.InvariantCulture), format);
    }

    /// <summary>
    /// The version after <paramref name="version"/>: a timestamp one tick later (a second, or a millisecond for 17
    /// digits), so it stays a valid time (<c>20261206113859</c> → <c>20261206113900</c>, never <c>…113860</c>); any other
    /// number plus one, as wide as it (<c>009</c> → <c>010</c>).
    /// </summary>
    /// <param name="version">A version as it is written.</param>
    public static string Following(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Length switch
        {
            14 => After(version, Seconds),
            17 => After(version, Milliseconds),
            _ => (long.Parse(version, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture).PadLeft(version.Length, '0'),
        };
    }

    /// <summary>
    /// <paramref name="text"/> as a migration slug: lower case, each run of characters other than letters, digits and
    /// <c>_</c> made one <c>_</c>, no <c>_</c> at either end. Text with no letter or digit is bad input (exit 2).
    /// </summary>
    /// <param name="text">What the migration does, as the user wrote it (<c>Add users.email</c>).</param>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = NotSlug().Replace(text.Trim().ToLowerInvariant(), "_").Trim('_');
        return name.Length > 0
            ? name
            : throw new StrataException(ErrorCategory.BadInput, $"'{text}' has no letters or digits to name a migration", "e.g. strata new create_users");
    }

    /// <summary>
    /// Writes <paramref name="files"/> (name, text) into <paramref name="folder"/>, creating it, and returns their paths
    /// (<paramref name="folder"/> joined with each name). When any of them exists already nothing is written and it is
    /// bad input (exit 2) naming the file.
    /// </summary>
    /// <param name="folder">The migrations folder.</param>
    /// <param name="files">The files of the migration(s), e.g. from <see cref="MigrationFileShape.Files"/>.</param>
    public static IReadOnlyList<string> WriteNew(string folder, IReadOnlyList<(string File, string Text)> files)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(folder);
        var paths = files.Select(f => Path.Combine(folder, f.File)).ToList();
        if (paths.FirstOrDefault(File.Exists) is { } existing)
        {
            throw new StrataException(ErrorCategory.BadInput, $"{existing} already exists: nothing was written", "give the migration another version or slug, or move the file away");
        }

        for (var i = 0; i < paths.Count; i++)
        {
            using var stream = new FileStream(paths[i], FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write(files[i].Text);
        }

        return paths;
    }

    /// <summary>The timestamp one tick after <paramref name="version"/> in <paramref name="format"/>; a number that is not a time plus one.</summary>
    private static string After(string version, string format)
    {
        if (!DateTime.TryParseExact(version, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var newest))
        {
            return (long.Parse(version, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture).PadLeft(version.Length, '0');
        }

        var next = format.Length == Milliseconds.Length ? newest.AddMilliseconds(1) : newest.AddSeconds(1);
        return next.ToString(format, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\d{1,18})_")]
    private static partial Regex VersionPrefix();

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NotSlug();
}
