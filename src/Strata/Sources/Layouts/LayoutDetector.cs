using System.Text.RegularExpressions;

namespace Strata.Sources.Layouts;

/// <summary>
/// Recognises another tool's folder from its files, for the message a Strata-layout folder gets when its files are
/// named in another tool's way (naming the layout and the setting), and for <c>"layout": "auto"</c>.
/// </summary>
internal static partial class LayoutDetector
{
    /// <summary>The layout <paramref name="folder"/> looks like, or null when it looks like none of the other tools'.</summary>
    public static MigrationLayout? Detect(string folder)
    {
        if (File.Exists(Path.Combine(folder, "meta", "_journal.json")))
        {
            return MigrationLayout.Drizzle;
        }

        var folders = FolderFiles.Folders(folder).ToList();
        if (File.Exists(Path.Combine(folder, "migration_lock.toml")) || folders.Any(d => File.Exists(Path.Combine(d, "migration.sql"))))
        {
            return MigrationLayout.Prisma;
        }

        if (folders.Any(d => File.Exists(Path.Combine(d, "up.sql"))))
        {
            return MigrationLayout.Diesel;
        }

        var names = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().ToList();
        // A name pattern decides only when most .sql files follow it: one V2__x.sql among Strata's files is a misnamed file.
        var sql = names.Count(n => n.EndsWith(".sql", StringComparison.OrdinalIgnoreCase));
        if (names.Count(n => FlywayName().IsMatch(n)) * 2 > sql)
        {
            return MigrationLayout.Flyway;
        }

        if (names.Count(n => PopxName().IsMatch(n)) * 2 > sql)
        {
            return MigrationLayout.Popx;
        }

        return ByContent(folder, names) ?? (GolangMigrate(names) ? MigrationLayout.GolangMigrate : Sqlx(folder, names) ? MigrationLayout.Sqlx
            : Numbered(folder, names) ? MigrationLayout.Numbered : null);
    }

    /// <summary>
    /// Numbered files that psql applies in a loop and Strata's own rules refuse: every .sql file starts with a number,
    /// and some number is followed by something other than <c>_</c> (<c>0001-init.sql</c>, <c>000001.sql</c>), in a
    /// folder without <c>-- strata:</c> directives (a misnamed Strata file keeps Strata's message to rename it).
    /// </summary>
    private static bool Numbered(string folder, List<string> names)
    {
        var sql = names.Where(n => n.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)).ToList();
        return sql.Count > 0 && sql.All(n => char.IsAsciiDigit(n[0])) && sql.Any(n => NotUnderscoreAfterNumber().IsMatch(n))
            && !sql.Order(StringComparer.Ordinal).Take(20).Any(n => File.ReadAllText(Path.Combine(folder, n)).Contains("-- strata:", StringComparison.Ordinal));
    }

    /// <summary>
    /// sqlx's simple files that Strata's own rules refuse: <c>&lt;version&gt;_&lt;description&gt;.sql</c> with a character
    /// other than letters, digits, <c>_</c> and <c>.</c> in the description (atuin's <c>20220505083406_create-events.sql</c>),
    /// in a folder without <c>-- strata:</c> directives (a Strata file with a misnamed slug stays Strata's, its name refused).
    /// </summary>
    private static bool Sqlx(string folder, List<string> names) =>
        names.Any(n => SqlxName().IsMatch(n))
        && !names.Where(n => n.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).Take(20)
            .Any(n => File.ReadAllText(Path.Combine(folder, n)).Contains("-- strata:", StringComparison.Ordinal));

    /// <summary>
    /// golang-migrate's files that Strata's own rules refuse: names with characters other than letters, digits and
    /// <c>_</c>, an up and a down file of one version with different names, or an empty file.
    /// </summary>
    private static bool GolangMigrate(List<string> names)
    {
        var pairs = names.Select(n => PairName().Match(n)).Where(m => m.Success).ToList();
        return pairs.Count > 0 && (names.Any(n => GolangMigrateName().IsMatch(n))
            || pairs.GroupBy(m => m.Groups[1].Value).Any(g => g.Select(m => m.Groups[2].Value).Distinct().Count() > 1));
    }

    /// <summary>
    /// The marker-based layout (dbmate, goose, node-pg-migrate) whose up/down markers the first loaded migrations of a
    /// Strata-layout folder hold, or null: read as Strata's files they would run their down section as part of the up.
    /// </summary>
    public static MigrationLayout? MarkerLayout(IReadOnlyList<Migration> migrations)
    {
        foreach (var script in migrations.Take(20).Select(m => m.Up).OfType<SqlScript>().Where(s => !s.IsStreamed))
        {
            var text = script.Sql;
            var found = DbmateMarker().IsMatch(text) ? MigrationLayout.Dbmate
                : GooseMarker().IsMatch(text) ? MigrationLayout.Goose
                : NodePgMarker().IsMatch(text) ? MigrationLayout.NodePgMigrate
                : SqlMigrateMarker().IsMatch(text) ? MigrationLayout.SqlMigrate : (MigrationLayout?)null;
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The marker-based layouts, from the first few .sql files' text.</summary>
    private static MigrationLayout? ByContent(string folder, List<string> names)
    {
        foreach (var name in names.Where(n => n.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).Take(20))
        {
            var text = File.ReadAllText(Path.Combine(folder, name));
            if (DbmateMarker().IsMatch(text))
            {
                return MigrationLayout.Dbmate;
            }

            if (GooseMarker().IsMatch(text))
            {
                return MigrationLayout.Goose;
            }

            if (NodePgMarker().IsMatch(text))
            {
                return MigrationLayout.NodePgMigrate;
            }

            if (SqlMigrateMarker().IsMatch(text))
            {
                return MigrationLayout.SqlMigrate;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[VU]\d[\d._]*__.+\.sql$")]
    private static partial Regex FlywayName();

    [GeneratedRegex(@"^\d+_[^.]+\.(postgres|sqlite3|mysql|cockroach)(\.autocommit)?\.(up|down)\.sql$")]
    private static partial Regex PopxName();

    [GeneratedRegex(@"^\d+_.*[^A-Za-z0-9_].*\.(up|down)\.sql$")]
    private static partial Regex GolangMigrateName();

    [GeneratedRegex(@"^(\d+)_(.*)\.(?:up|down)\.sql$")]
    private static partial Regex PairName();

    [GeneratedRegex(@"^\d+_[^.]*[^A-Za-z0-9_.][^.]*\.sql$")]
    private static partial Regex SqlxName();

    [GeneratedRegex(@"^\d+[^\d_]")]
    private static partial Regex NotUnderscoreAfterNumber();

    [GeneratedRegex(@"^--\s*migrate:up", RegexOptions.Multiline)]
    private static partial Regex DbmateMarker();

    [GeneratedRegex(@"^--\s*\+goose\s+up", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GooseMarker();

    [GeneratedRegex(@"^\s*--[\s-]*up\s+migration", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex NodePgMarker();

    [GeneratedRegex(@"^--\s*\+migrate\s+Up\b", RegexOptions.Multiline)]
    private static partial Regex SqlMigrateMarker();
}
