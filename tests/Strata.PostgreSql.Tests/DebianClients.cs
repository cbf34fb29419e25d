using System.Globalization;

namespace Strata.PostgreSql.Tests;

/// <summary>Debian's PostgreSQL client programs (<c>/usr/lib/postgresql/&lt;major&gt;/bin</c>), for the backup tests that need an old pg_dump/pg_restore.</summary>
internal static class DebianClients
{
    /// <summary>The oldest Debian bin folder holding both pg_dump and pg_restore, with its major.</summary>
    public static (string Directory, int Major) Oldest() =>
        Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_dump")) && File.Exists(Path.Combine(d, "pg_restore")))
            .Select(d => (Directory: d, Major: int.Parse(Path.GetFileName(Path.GetDirectoryName(d))!, CultureInfo.InvariantCulture)))
            .OrderBy(c => c.Major)
            .First();
}
