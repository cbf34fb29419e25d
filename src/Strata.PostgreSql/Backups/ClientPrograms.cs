using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Errors;

namespace Strata.PostgreSql.Backups;

/// <summary>
/// The <c>pg_dump</c> and <c>pg_restore</c> a backup runs: from the configured folder (<c>STRATA_PG_BIN</c>, strata.json
/// <c>backup.postgresBin</c>), else the newest found on PATH and in the usual install folders (Debian's
/// <c>/usr/lib/postgresql/*/bin</c>, PGDG's <c>/usr/pgsql-*/bin</c>, Homebrew, Postgres.app). pg_dump refuses a server
/// newer than itself, so the client's major must be at least the server's; when it is not, the error says exactly
/// what to install.
/// </summary>
internal sealed partial record ClientPrograms(string Directory, int Major)
{
    public string PgDump => Path.Combine(Directory, "pg_dump");

    public string PgRestore => Path.Combine(Directory, "pg_restore");

    public static ClientPrograms Find(string? configured, int serverMajor)
    {
        if (configured is not null)
        {
            var chosen = Probe(configured) ?? throw new StrataException(
                ErrorCategory.BadInput,
                $"no pg_dump and pg_restore in {configured} (set by STRATA_PG_BIN or strata.json backup.postgresBin)",
                $"point it at the bin folder of a PostgreSQL {serverMajor} (or newer) client, or unset it to use the newest pg_dump found on PATH; {InstallAdvice(serverMajor)}");
            return chosen.Major >= serverMajor ? chosen : throw TooOld(chosen, serverMajor);
        }

        var found = Candidates().Select(Probe).OfType<ClientPrograms>().OrderByDescending(c => c.Major).FirstOrDefault();
        if (found is null)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                "backups of PostgreSQL need pg_dump and pg_restore, and none were found on PATH or in the usual install folders",
                InstallAdvice(serverMajor));
        }

        return found.Major >= serverMajor ? found : throw TooOld(found, serverMajor);
    }

    /// <summary>
    /// Refuses, before anything is created, a backup whose archive format this pg_restore cannot read (one a newer
    /// pg_dump wrote, on another machine or with another STRATA_PG_BIN), naming the client to install.
    /// </summary>
    public void CheckCanRead(string archive)
    {
        var (format, readerMajor) = ArchiveFile.Format(archive);
        if (Major < readerMajor)
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"{archive}: written by pg_dump {readerMajor} or newer (archive format {format}), which {PgRestore} (PostgreSQL {Major}) cannot read",
                InstallAdvice(readerMajor));
        }
    }

    /// <summary>The packages to install for a client of <paramref name="major"/>, per system.</summary>
    public static string InstallAdvice(int major) =>
        $"install the PostgreSQL {major} client programs (or newer): Debian/Ubuntu `apt-get install postgresql-client-{major}` "
        + $"(from apt.postgresql.org), Fedora/RHEL `dnf install postgresql{major}`, macOS `brew install postgresql@{major}`, "
        + "Windows the EDB installer's command line tools; then put its bin folder on PATH or set STRATA_PG_BIN to it";

    private static StrataException TooOld(ClientPrograms client, int serverMajor) => new(
        ErrorCategory.BadInput,
        $"{client.PgDump} is PostgreSQL {client.Major}, older than the server (PostgreSQL {serverMajor}): pg_dump refuses servers newer than itself",
        InstallAdvice(serverMajor));

    private static IEnumerable<string> Candidates()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return directory;
        }

        foreach (var (parent, pattern, bin) in new[]
        {
            ("/usr/lib/postgresql", "*", "bin"), ("/usr/pgsql-*", "", "bin"), ("/opt/homebrew/opt", "postgresql@*", "bin"),
            ("/usr/local/opt", "postgresql@*", "bin"), ("/opt/homebrew/opt", "libpq", "bin"), ("/usr/local/opt", "libpq", "bin"),
            ("/Applications/Postgres.app/Contents/Versions", "*", "bin"),
        })
        {
            foreach (var directory in Expand(parent, pattern))
            {
                yield return Path.Combine(directory, bin);
            }
        }
    }

    private static string[] Expand(string parent, string pattern)
    {
        if (parent.EndsWith('*'))
        {
            var root = Path.GetDirectoryName(parent)!;
            return System.IO.Directory.Exists(root) ? System.IO.Directory.GetDirectories(root, Path.GetFileName(parent)) : [];
        }

        return System.IO.Directory.Exists(parent) ? System.IO.Directory.GetDirectories(parent, pattern) : [];
    }

    private static ClientPrograms? Probe(string directory)
    {
        var dump = Path.Combine(directory, "pg_dump");
        if (!File.Exists(dump) || !File.Exists(Path.Combine(directory, "pg_restore")))
        {
            return null;
        }

        var major = MajorOf(dump);
        return major > 0 ? new ClientPrograms(Path.GetFullPath(directory), major) : null;
    }

    private static int MajorOf(string program)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (process is null)
            {
                return 0;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var match = VersionPattern().Match(output);
            return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 0;
        }
    }

    [GeneratedRegex(@"\(PostgreSQL\) (\d+)")]
    private static partial Regex VersionPattern();
}
