using Strata.Configuration;
using Strata.Errors;

namespace Strata.Sqlite.Connection;

/// <summary>
/// Turns the SQLite forms (<c>sqlite:rel.db</c>, <c>sqlite:/abs.db</c>, <c>sqlite:///abs.db</c>,
/// <c>sqlite://rel.db</c>, <c>sqlite::memory:</c>, a bare path) into a <see cref="DatabaseTarget"/> whose
/// connection string is the absolute file path, or <c>:memory:</c>.
/// </summary>
internal static class SqliteLocation
{
    /// <summary>The in-memory database name.</summary>
    public const string Memory = ":memory:";

    /// <summary>The URL prefix.</summary>
    public const string Scheme = "sqlite:";

    private static readonly string[] Extensions = [".db", ".sqlite", ".sqlite3"];

    /// <summary>True when <paramref name="value"/> is a bare path with a SQLite file extension.</summary>
    public static bool HasSqliteExtension(string value) =>
        Extensions.Any(e => value.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a value starting with <c>sqlite:</c>; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static DatabaseTarget FromUrl(string value, string baseDirectory)
    {
        var path = value[Scheme.Length..];
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return Create(path, baseDirectory, value);
    }

    /// <summary>
    /// A SQLite file given as a plain path (a bare <c>app.db</c>, or <c>DB_PATH</c>); a value starting with
    /// <c>sqlite:</c> is read as a URL. Relative paths resolve against <paramref name="baseDirectory"/>.
    /// </summary>
    public static DatabaseTarget FromPath(string path, string baseDirectory) =>
        path.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? FromUrl(path, baseDirectory)
            : Create(path, baseDirectory, Scheme + path);

    private static DatabaseTarget Create(string path, string baseDirectory, string displayName)
    {
        if (path == Memory)
        {
            return new DatabaseTarget(Dialect.Sqlite, Memory, Scheme + Memory, null);
        }

        if (string.IsNullOrWhiteSpace(path) || path.Any(char.IsControl))
        {
            throw new ConfigurationException(
                "the SQLite database names no usable file",
                "write sqlite:path/to/app.db (relative), sqlite:///absolute/path/app.db, or sqlite::memory:");
        }

        // sqlite:///C:/data/app.db on Windows: drop the slash before the drive letter.
        if (OperatingSystem.IsWindows() && path.Length > 2 && path[0] == '/' && char.IsAsciiLetter(path[1]) && path[2] == ':')
        {
            path = path[1..];
        }

        var fullPath = Path.GetFullPath(Path.Combine(baseDirectory, path));
        return new DatabaseTarget(Dialect.Sqlite, fullPath, displayName, null);
    }
}
