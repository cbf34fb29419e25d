using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Operations;

/// <summary>
/// The name of a backup file: the database, the UTC time it was taken and the head version the database was at, e.g.
/// <c>shop-20261206T031500Z-v20240101000001.dump</c> (<c>empty</c> instead of the version when nothing was applied; a
/// <c>.2</c> before the extension when two backups of one database share a second). <see cref="BackupFolder"/> writes
/// and reads these names to list and prune backups; other files in the folder are never touched.
/// </summary>
public sealed partial record BackupFileName
{
    /// <summary>The database, with every character other than letters, digits, <c>_</c> and <c>.</c> turned into <c>_</c>.</summary>
    public required string Database { get; init; }

    /// <summary>When the backup was taken, UTC, to the second.</summary>
    public required DateTimeOffset TakenAt { get; init; }

    /// <summary>The highest applied migration version at that time, or null when none was applied.</summary>
    public long? Head { get; init; }

    /// <summary>The extension with its dot (<c>.dump</c>, <c>.sqlite</c>).</summary>
    public required string Extension { get; init; }

    /// <summary>1 for the first backup of a second, 2 and up for later ones.</summary>
    public int Sequence { get; init; } = 1;

    /// <summary>The file name (no folder).</summary>
    public string FileName =>
        $"{Database}-{TakenAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-"
        + (Head is { } head ? "v" + head.ToString(CultureInfo.InvariantCulture) : "empty")
        + (Sequence > 1 ? "." + Sequence.ToString(CultureInfo.InvariantCulture) : "")
        + Extension;

    /// <summary>A name for a backup of <paramref name="database"/> taken at <paramref name="takenAt"/> at version <paramref name="head"/>.</summary>
    public static BackupFileName For(string database, DateTimeOffset takenAt, long? head, string extension) => new()
    {
        Database = Sanitize(database),
        TakenAt = new DateTimeOffset(takenAt.UtcTicks - (takenAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
        Head = head,
        Extension = extension,
    };

    /// <summary>Reads a file name written by <see cref="FileName"/>; false for any other name.</summary>
    public static bool TryParse(string fileName, out BackupFileName name)
    {
        name = null!;
        var match = Pattern().Match(fileName);
        if (!match.Success
            || !DateTimeOffset.TryParseExact(match.Groups["time"].Value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return false;
        }

        var head = match.Groups["head"].Value;
        name = new BackupFileName
        {
            Database = match.Groups["db"].Value,
            TakenAt = time.ToUniversalTime(),
            Head = head == "empty" ? null : long.Parse(head.AsSpan(1), CultureInfo.InvariantCulture),
            Extension = match.Groups["ext"].Value,
            Sequence = match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : 1,
        };
        return true;
    }

    /// <summary>The database part of a name: letters, digits, <c>_</c> and <c>.</c> kept, anything else <c>_</c>.</summary>
    public static string Sanitize(string database)
    {
        var text = new StringBuilder(database.Length);
        foreach (var c in database)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' ? c : '_');
        }

        return text.Length == 0 ? "database" : text.ToString();
    }

    [GeneratedRegex(@"^(?<db>[A-Za-z0-9_.]+)-(?<time>\d{8}T\d{6}Z)-(?<head>v\d{1,18}|empty)(?:\.(?<n>\d{1,4}))?(?<ext>\.[a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
