using System.Text.RegularExpressions;
using Strata.Errors;

namespace Strata.Sources.Layouts;

/// <summary>
/// The tools that keep up and down in two files: golang-migrate (<c>&lt;version&gt;_&lt;name&gt;.up.sql</c>, any name
/// characters) and popx (<c>&lt;version&gt;_&lt;name&gt;[.&lt;dialect&gt;][.autocommit].up.sql</c>; a file of the dialect
/// wins over a file for every dialect, <c>autocommit</c> means no transaction), and sqlx (a simple
/// <c>&lt;version&gt;_&lt;description&gt;.sql</c> or a reversible <c>.up.sql</c>/<c>.down.sql</c> pair).
/// </summary>
internal static partial class PairReaders
{
    /// <summary>golang-migrate (https://github.com/golang-migrate/migrate: source/parse.go).</summary>
    public static List<LayoutMigration> GolangMigrate(string folder, List<Problem> problems)
    {
        // golang-migrate pairs by version alone: 30_add_x.up.sql and 30_drop_x.down.sql are one migration, named by its up file.
        var files = FolderFiles.Matching(folder, GolangMigrateFile()).ToList();
        var names = files.Where(f => f.Match.Groups[3].Value == "up").GroupBy(f => f.Match.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.First().Match.Groups[2].Value, StringComparer.Ordinal);
        return Pairs(files.Select(f => (f.Path, Version: f.Match.Groups[1].Value, Name: names.GetValueOrDefault(f.Match.Groups[1].Value, f.Match.Groups[2].Value),
            Up: f.Match.Groups[3].Value == "up", Transactional: true)), problems);
    }

    /// <summary>
    /// sqlx (https://github.com/launchbadge/sqlx: sqlx-core/src/migrate/source.rs): <c>&lt;version&gt;_&lt;description&gt;.sql</c>
    /// is up only, <c>.up.sql</c> and <c>.down.sql</c> a reversible pair; the description may hold any character
    /// (<c>sqlx migrate add create-users</c> keeps the hyphen); a file starting with <c>-- no-transaction</c> runs
    /// without a transaction (sqlx: <c>sql.starts_with("-- no-transaction")</c>).
    /// </summary>
    public static List<LayoutMigration> Sqlx(string folder, List<Problem> problems)
    {
        var files = FolderFiles.Matching(folder, SqlxFile()).ToList();
        return Pairs(files.Select(f => (f.Path, Version: f.Match.Groups[1].Value, Name: f.Match.Groups[2].Value,
            Up: f.Match.Groups[3].Value != "down", Transactional: !StartsWithNoTransaction(f.Path))), problems);
    }

    /// <summary>
    /// Numbered SQL files as psql applies them in a loop (supabase/storage's <c>0001-initialmigration.sql</c>,
    /// graphile-worker's <c>000001.sql</c>, promscale's <c>000-utils.sql</c>): the version is the leading number,
    /// whatever follows it (<c>-</c>, <c>.</c>, <c>_</c> or nothing); the whole file is up, or <c>.up.sql</c> and
    /// <c>.down.sql</c> a pair; ordered by the number's value, so unequal padding (<c>0009</c>, <c>00010</c>) keeps the
    /// runner's order. A .sql file without a leading number is a problem, not silently left out.
    /// </summary>
    public static List<LayoutMigration> Numbered(string folder, List<Problem> problems)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.sql").Where(p => !NumberedFile().IsMatch(Path.GetFileName(p))).Order(StringComparer.Ordinal))
        {
            problems.Add(new Problem(DisplayPath.For(path), "has no version: psql would run it among the numbered files by its name, but Strata needs a version; start its name with a number"));
        }

        var files = FolderFiles.Matching(folder, NumberedFile()).ToList();
        return Pairs(files.Select(f => (f.Path, Version: f.Match.Groups[1].Value, Name: f.Match.Groups[2].Value.TrimStart('_', '-', '.', ' '),
            Up: f.Match.Groups[3].Value != "down", Transactional: true)), problems);
    }

    /// <summary>True when the file's first bytes are <c>-- no-transaction</c>, sqlx's marker.</summary>
    private static bool StartsWithNoTransaction(string path)
    {
        ReadOnlySpan<byte> marker = "-- no-transaction"u8;
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[marker.Length];
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(marker);
    }

    /// <summary>popx (https://github.com/ory/x: popx/match.go), for <paramref name="dialect"/>.</summary>
    public static List<LayoutMigration> Popx(string folder, Dialect dialect, List<Problem> problems)
    {
        var popxName = dialect == Dialect.PostgreSql ? "postgres" : "sqlite3";
        var files = FolderFiles.Matching(folder, PopxFile())
            .Where(f => f.Match.Groups[3].Value is "" || f.Match.Groups[3].Value == popxName || (popxName == "sqlite3" && f.Match.Groups[3].Value == "sqlite"))
            .GroupBy(f => (f.Match.Groups[1].Value, f.Match.Groups[2].Value, f.Match.Groups[5].Value))
            .Select(g => g.OrderByDescending(f => f.Match.Groups[3].Value.Length).First());
        return Pairs(files.Select(f => (f.Path, Version: f.Match.Groups[1].Value, Name: f.Match.Groups[2].Value, Up: f.Match.Groups[5].Value == "up", Transactional: f.Match.Groups[4].Value == "")), problems, PopxVersion);
    }

    /// <summary>
    /// popx versions are a 14-digit timestamp and a 6-digit counter (20 digits, more than a 64-bit number holds): the
    /// leading <c>20</c> of the century is dropped, which keeps their order (every popx version starts with 20).
    /// </summary>
    private static long? PopxVersion(string digits) =>
        digits.Length is 19 or 20 && digits.StartsWith("20", StringComparison.Ordinal) ? FolderFiles.Number(digits[2..]) : FolderFiles.Number(digits);

    private static List<LayoutMigration> Pairs(IEnumerable<(string Path, string Version, string Name, bool Up, bool Transactional)> files, List<Problem> problems, Func<string, long?>? number = null)
    {
        number ??= FolderFiles.Number;
        var result = new List<LayoutMigration>();
        foreach (var group in files.GroupBy(f => (f.Version, f.Name)).OrderBy(g => number(g.Key.Version) ?? long.MaxValue).ThenBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var up = group.FirstOrDefault(f => f.Up);
            var down = group.FirstOrDefault(f => !f.Up);
            if (up.Path is null)
            {
                problems.Add(new Problem(DisplayPath.For(down.Path), NoUpFile(down.Path)));
                continue;
            }

            if (number(group.Key.Version) is not { } version)
            {
                problems.Add(new Problem(DisplayPath.For(up.Path), $"version {group.Key.Version} has more than 18 digits"));
                continue;
            }

            var downSection = down.Path is null ? null : new LayoutSection(down.Path, Transactional: down.Transactional);
            result.Add(new LayoutMigration(version, group.Key.Version, group.Key.Name, new LayoutSection(up.Path, Transactional: up.Transactional), downSection,
                down.Path is null ? [up.Path] : [up.Path, down.Path]));
        }

        return result;
    }

    /// <summary>
    /// A down file without an up .sql file; when its up is in another language (concourse's <c>1522178770_add_job_tags.up.go</c>),
    /// the message names it: Strata runs SQL only.
    /// </summary>
    private static string NoUpFile(string downPath)
    {
        var name = Path.GetFileName(downPath);
        var stem = name[..name.LastIndexOf(".down.", StringComparison.Ordinal)];
        var other = Directory.EnumerateFiles(Path.GetDirectoryName(downPath)!, stem + ".up.*").Select(Path.GetFileName).Order(StringComparer.Ordinal).FirstOrDefault();
        return other is null
            ? "this down file has no up file"
            : $"this down file's up is {other}, which Strata cannot run (it runs SQL files only): write that migration's up as {stem}.up.sql, or take the pair out of the folder";
    }

    [GeneratedRegex(@"^(\d+)_(.*)\.(up|down)\.sql$")]
    private static partial Regex GolangMigrateFile();

    [GeneratedRegex(@"^(\d+)_(.+?)(?:\.(up|down))?\.sql$")]
    private static partial Regex SqlxFile();

    [GeneratedRegex(@"^(\d+)(\D.*?)??(?:\.(up|down))?\.sql$")]
    private static partial Regex NumberedFile();

    [GeneratedRegex(@"^(\d+)_([^.]+)(?:\.(postgres|sqlite3|sqlite|mysql|cockroach|mssql))?(\.autocommit)?\.(up|down)\.sql$")]
    private static partial Regex PopxFile();
}
