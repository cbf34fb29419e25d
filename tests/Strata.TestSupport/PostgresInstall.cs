using System.Globalization;

namespace Strata.TestSupport;

/// <summary>
/// The PostgreSQL majors the tests support and where their programs are: Debian's
/// <c>/usr/lib/postgresql/&lt;major&gt;/bin</c>, else the cache that <c>tests/install-postgres.sh</c> fills
/// (<c>STRATA_TEST_PG_CACHE</c>, else <c>/var/cache/strata/postgres</c> as root, else
/// <c>~/.cache/strata/postgres</c>; one folder per major and <c>client/</c> for the newest psql and pg_dump).
/// <c>STRATA_TEST_PG_MAJOR</c> makes a test process start its shared server from one major (how
/// <c>./test.sh</c> runs the <see cref="PostgresMatrixAttribute"/> tests on every major).
/// </summary>
public static class PostgresInstall
{
    /// <summary>The variable naming the major a test process's shared server runs (one number, e.g. <c>16</c>).</summary>
    public const string MajorVariable = "STRATA_TEST_PG_MAJOR";

    /// <summary>The variable naming the cache folder, when not the default.</summary>
    public const string CacheVariable = "STRATA_TEST_PG_CACHE";

    /// <summary>The majors Strata supports and CI tests, oldest first.</summary>
    public static IReadOnlyList<int> SupportedMajors { get; } = [13, 14, 15, 16, 17, 18];

    /// <summary>The cache folder, by the same rules as <c>tests/install-postgres.sh</c>.</summary>
    public static string CacheRoot
    {
        get
        {
            if (Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } configured)
            {
                return configured;
            }

            if (Environment.UserName == "root")
            {
                // The servers run as the 'postgres' user then, who cannot enter /root.
                return "/var/cache/strata/postgres";
            }

            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var cache = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache") : xdg;
            return Path.Combine(cache, "strata", "postgres");
        }
    }

    /// <summary>The major named by <c>STRATA_TEST_PG_MAJOR</c>, or null when unset; throws when it is not a number.</summary>
    public static int? RequestedMajor
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(MajorVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                ? major
                : throw new InvalidOperationException($"{MajorVariable} is '{value}', not a PostgreSQL major version; use one number, e.g. {MajorVariable}=16");
        }
    }

    /// <summary>The folder of the psql and pg_dump that <c>tests/install-postgres.sh</c> built.</summary>
    public static string ClientDirectory => Path.Combine(CacheRoot, "client", "bin");

    /// <summary>The server programs of <paramref name="major"/>; throws naming both places and the fix when neither has them.</summary>
    internal static PostgresBinaries ServerFor(int major)
    {
        var debian = $"/usr/lib/postgresql/{major.ToString(CultureInfo.InvariantCulture)}/bin";
        var cached = Path.Combine(CacheRoot, major.ToString(CultureInfo.InvariantCulture), "bin");
        foreach (var directory in new[] { debian, cached })
        {
            if (PostgresBinaries.HasServer(directory))
            {
                return new PostgresBinaries(directory);
            }
        }

        throw new InvalidOperationException(
            $"the PostgreSQL {major} server programs (initdb, pg_ctl, postgres) are neither in {debian} nor in {cached} "
            + $"({MajorVariable}={major}). To fix: run tests/install-postgres.sh {major} (./test.sh runs it for every major of "
            + "STRATA_TEST_PG_MAJORS), or unset " + MajorVariable);
    }
}
