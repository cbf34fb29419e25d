using System.Globalization;

namespace Strata.TestSupport;

/// <summary>Where the PostgreSQL server programs (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>) are.</summary>
internal sealed record PostgresBinaries(string BinDirectory)
{
    /// <summary>What to do when no server can be found or started, repeated in every such error.</summary>
    public const string HowToFix =
        "install the PostgreSQL server (Debian: sudo apt-get install -y postgresql; ./test.sh does this for you) "
        + "or set STRATA_TEST_POSTGRES to a server connection string (Host=...;Username=...;Password=... or "
        + "postgres://user:password@host:5432/postgres) whose role has CREATEDB and CREATEROLE";

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>
    /// The major named by <c>STRATA_TEST_PG_MAJOR</c> (see <see cref="PostgresInstall"/>); else the highest version
    /// under <c>/usr/lib/postgresql/*/bin</c> (Debian's layout), else the directory on PATH that holds <c>initdb</c>.
    /// Throws naming the places and the fix when none has the programs.
    /// </summary>
    public static PostgresBinaries Find()
    {
        if (PostgresInstall.RequestedMajor is { } major)
        {
            return PostgresInstall.ServerFor(major);
        }

        foreach (var directory in DebianDirectories())
        {
            if (HasServer(directory))
            {
                return new PostgresBinaries(directory);
            }
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasServer(directory))
            {
                return new PostgresBinaries(ResolveLinks(directory));
            }
        }

        throw new InvalidOperationException(
            "PostgreSQL server programs (initdb, pg_ctl, postgres) were not found under /usr/lib/postgresql/*/bin "
            + "or on PATH, and STRATA_TEST_POSTGRES is not set. To fix: " + HowToFix);
    }

    private static IEnumerable<string> DebianDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.GetDirectories(root)
            .Select(d => (Directory: d, Version: ParseVersion(Path.GetFileName(d))))
            .Where(d => d.Version is not null)
            .OrderByDescending(d => d.Version)
            .Select(d => Path.Combine(d.Directory, "bin"));
    }

    private static Version? ParseVersion(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            ? new Version(major, 0)
            : Version.TryParse(name, out var version) ? version : null;

    internal static bool HasServer(string directory) =>
        File.Exists(Path.Combine(directory, "initdb"))
        && File.Exists(Path.Combine(directory, "pg_ctl"))
        && File.Exists(Path.Combine(directory, "postgres"));

    /// <summary>
    /// A PATH entry may hold symbolic links to the real programs (e.g. <c>/usr/local/bin/initdb</c>);
    /// <c>pg_ctl</c> finds <c>postgres</c> next to its own real path, so keep the directory of the link target.
    /// </summary>
    private static string ResolveLinks(string directory)
    {
        var target = new FileInfo(Path.Combine(directory, "initdb")).ResolveLinkTarget(returnFinalTarget: true);
        return target?.FullName is { } real ? Path.GetDirectoryName(real) ?? directory : directory;
    }
}
