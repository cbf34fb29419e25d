using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Strata.TestSupport;

/// <summary>
/// A <c>psql</c> and <c>pg_dump</c> for tests that compare with them. pg_dump refuses a server newer than itself, so
/// <see cref="Find"/> takes the newest pair at hand: the one <c>tests/install-postgres.sh</c> built into the cache
/// (<see cref="PostgresInstall.ClientDirectory"/>, PostgreSQL 18 or newer), Debian's <c>/usr/lib/postgresql/*/bin</c>,
/// then PATH. A newer psql and pg_dump work with every older server, so one pair serves every major.
/// </summary>
public sealed partial record PostgresClientPrograms(string BinDirectory, int Major)
{
    private static readonly Lazy<IReadOnlyList<PostgresClientPrograms>> Candidates = new(FindCandidates);

    /// <summary>The psql program.</summary>
    public string Psql => Path.Combine(BinDirectory, "psql");

    /// <summary>The pg_dump program.</summary>
    public string PgDump => Path.Combine(BinDirectory, "pg_dump");

    /// <summary>
    /// The newest psql and pg_dump; throws saying how to get one when none is at least <paramref name="serverMajor"/>.
    /// </summary>
    public static PostgresClientPrograms Find(int serverMajor)
    {
        var newest = Candidates.Value.Count > 0 ? Candidates.Value[0] : null;
        if (newest is null || newest.Major < serverMajor)
        {
            throw new InvalidOperationException(
                (newest is null ? "no psql and pg_dump were found" : $"the newest pg_dump found ({newest.PgDump}) is version {newest.Major}")
                + $" but the test server is PostgreSQL {serverMajor} (pg_dump refuses servers newer than itself). "
                + $"To fix: run tests/install-postgres.sh {serverMajor} (./test.sh runs it), which builds them into {PostgresInstall.ClientDirectory}");
        }

        return newest;
    }

    private static List<PostgresClientPrograms> FindCandidates()
    {
        const string debian = "/usr/lib/postgresql";
        var directories = new List<string> { PostgresInstall.ClientDirectory };
        if (Directory.Exists(debian))
        {
            directories.AddRange(Directory.GetDirectories(debian).Select(d => Path.Combine(d, "bin")));
        }

        directories.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return directories
            .Where(d => File.Exists(Path.Combine(d, "psql")) && File.Exists(Path.Combine(d, "pg_dump")))
            .Distinct(StringComparer.Ordinal)
            .Select(d => new PostgresClientPrograms(d, MajorOf(Path.Combine(d, "pg_dump"))))
            .Where(c => c.Major > 0)
            .OrderByDescending(c => c.Major)
            .ToList();
    }

    private static int MajorOf(string program)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null)
            {
                return 0;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var match = Version().Match(output);
            return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 0;
        }
    }

    [GeneratedRegex(@"\(PostgreSQL\) (\d+)")]
    private static partial Regex Version();
}
