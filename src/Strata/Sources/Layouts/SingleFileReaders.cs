using System.Text.RegularExpressions;
using Strata.Errors;

namespace Strata.Sources.Layouts;

/// <summary>
/// The tools that keep a migration in one file with up and down markers: dbmate (<c>-- migrate:up</c>,
/// <c>transaction:false</c>), goose (<c>-- +goose Up</c>, <c>-- +goose NO TRANSACTION</c>), node-pg-migrate
/// (<c>-- Up Migration</c>, its own regular expression). Each file is <c>&lt;version&gt;_&lt;name&gt;.sql</c>.
/// </summary>
internal static partial class SingleFileReaders
{
    /// <summary>
    /// dbmate's files (https://github.com/amacneil/dbmate: migration.go parses the same markers); like dbmate, any
    /// name that starts with a number is a migration (<c>^(\d+).*\.sql$</c>: supabase/postgres's
    /// <c>00000000000000-initial-schema.sql</c>), not only <c>&lt;n&gt;_&lt;name&gt;.sql</c>.
    /// </summary>
    public static List<LayoutMigration> Dbmate(string folder, List<Problem> problems) =>
        Read(folder, problems, NumberedFile(), line => DbmateMarker().Match(line) is { Success: true } m
            ? (m.Groups[1].Value == "up" ? SectionMarkers.Marker.Up : SectionMarkers.Marker.Down)
            : SectionMarkers.Marker.None,
            (line, _) => line.Contains("transaction:false", StringComparison.Ordinal), fileNoTransaction: null);

    /// <summary>goose's SQL files (https://github.com/pressly/goose: internal/sqlparser).</summary>
    public static List<LayoutMigration> Goose(string folder, List<Problem> problems) =>
        Read(folder, problems, VersionedFile(), line => GooseMarker().Match(line) is { Success: true } m
            ? (m.Groups[1].Value.Equals("up", StringComparison.OrdinalIgnoreCase) ? SectionMarkers.Marker.Up : SectionMarkers.Marker.Down)
            : SectionMarkers.Marker.None,
            (_, _) => false, fileNoTransaction: GooseNoTransaction());

    /// <summary>node-pg-migrate's SQL files (https://github.com/salsita/node-pg-migrate: src/sqlMigration.ts).</summary>
    public static List<LayoutMigration> NodePgMigrate(string folder, List<Problem> problems) =>
        Read(folder, problems, VersionedFile(), line => NodePgUp().IsMatch(line)
            ? SectionMarkers.Marker.Up
            : NodePgDown().IsMatch(line) ? SectionMarkers.Marker.Down : SectionMarkers.Marker.None,
            (_, _) => false, fileNoTransaction: null);

    /// <summary>
    /// sql-migrate's files (https://github.com/rubenv/sql-migrate: sqlparse/sqlparse.go, migrate.go): <c>-- +migrate Up</c>
    /// and <c>Down</c> (with <c>notransaction</c>), any number of times in a file; ordered by the number the name
    /// starts with (<c>1677078479.sql</c> has no other name).
    /// </summary>
    public static List<LayoutMigration> SqlMigrate(string folder, List<Problem> problems)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.sql").Where(p => !NumberedFile().IsMatch(Path.GetFileName(p))).Order(StringComparer.Ordinal))
        {
            problems.Add(new Problem(DisplayPath.For(path), "sql-migrate runs this file after the numbered ones, but Strata needs a version: start its name with a number (e.g. the Unix time it was written)"));
        }

        return Read(folder, problems, NumberedFile(), line => SqlMigrateMarker().Match(line) is { Success: true } m
            ? (m.Groups[1].Value == "Up" ? SectionMarkers.Marker.Up : SectionMarkers.Marker.Down)
            : SectionMarkers.Marker.None,
            (line, _) => SqlMigrateMarker().Match(line).Groups[2].Value.Contains("notransaction", StringComparison.Ordinal), fileNoTransaction: null, repeated: true);
    }

    private static List<LayoutMigration> Read(
        string folder, List<Problem> problems, Regex names, Func<string, SectionMarkers.Marker> classify, Func<string, SectionMarkers.Marker, bool> noTransaction, Regex? fileNoTransaction,
        bool repeated = false)
    {
        var result = new List<LayoutMigration>();
        foreach (var (path, match) in FolderFiles.Matching(folder, names))
        {
            if (FolderFiles.Number(match.Groups[1].Value) is not { } version)
            {
                problems.Add(new Problem(DisplayPath.For(path), $"version {match.Groups[1].Value} has more than 18 digits"));
                continue;
            }

            var (up, down) = repeated ? SectionMarkers.SplitRepeated(path, classify, noTransaction) : SectionMarkers.Split(path, classify, noTransaction);
            if (fileNoTransaction is not null && fileNoTransaction.IsMatch(File.ReadAllText(path)))
            {
                (up, down) = (up with { Transactional = false }, down is null ? null : down with { Transactional = false });
            }

            result.Add(new LayoutMigration(version, match.Groups[1].Value, match.Groups[2].Value.TrimStart('_', '-', '.'), up, down, [path]));
        }

        return result;
    }

    [GeneratedRegex(@"^(\d+)_(.+)\.sql$")]
    private static partial Regex VersionedFile();

    [GeneratedRegex(@"^(\d+)(.*)\.sql$")]
    private static partial Regex NumberedFile();

    [GeneratedRegex(@"^--\s*\+migrate\s+(Up|Down)\b(.*)$")]
    private static partial Regex SqlMigrateMarker();

    [GeneratedRegex(@"^--\s*migrate:(up|down)(\s|$)")]
    private static partial Regex DbmateMarker();

    [GeneratedRegex(@"^--\s*\+goose\s+(up|down)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GooseMarker();

    [GeneratedRegex(@"^--\s*\+goose\s+NO\s+TRANSACTION\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex GooseNoTransaction();

    [GeneratedRegex(@"^\s*--[\s-]*up\s+migration", RegexOptions.IgnoreCase)]
    private static partial Regex NodePgUp();

    [GeneratedRegex(@"^\s*--[\s-]*down\s+migration", RegexOptions.IgnoreCase)]
    private static partial Regex NodePgDown();
}
