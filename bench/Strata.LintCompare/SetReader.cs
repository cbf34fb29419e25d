using System.Text.RegularExpressions;
using Strata.Sql;

namespace Strata.LintCompare;

/// <summary>
/// Reads a project's migrations folder in its tool's layout, in the order the tool runs them, keeping only the up
/// scripts. A migration runs without a transaction when its tool says so (goose <c>NO TRANSACTION</c>, sql-migrate
/// <c>notransaction</c>, dbmate <c>transaction:false</c>, Diesel <c>run_in_transaction = false</c>) or, for tools
/// without such a marker (golang-migrate, Prisma, plain files), when it contains <c>CONCURRENTLY</c>: those tools send
/// the file as one query string, which PostgreSQL runs as one implicit transaction, so such a file only ever worked
/// as a single statement outside a transaction.
/// </summary>
internal static partial class SetReader
{
    public static IReadOnlyList<SourceMigration> Read(string folder, Layout layout)
    {
        var list = layout switch
        {
            Layout.UpDownFiles => Files(folder, "*.up.sql").Select(f => Plain(folder, f, Slug(Path.GetFileName(f)[..^7]))),
            Layout.Popx => PopxForPostgres(Files(folder, "*.up.sql").Where(IsPostgresPopx).ToList()).Select(f => Popx(folder, f)),
            Layout.Diesel => Folders(folder).Where(d => File.Exists(Path.Combine(d, "up.sql"))).OrderBy(DieselVersion, StringComparer.Ordinal).Select(d => Diesel(folder, d)),
            Layout.Prisma => Folders(folder).Where(d => File.Exists(Path.Combine(d, "migration.sql"))).Select(d => Plain(folder, Path.Combine(d, "migration.sql"), Slug(Path.GetFileName(d)))),
            Layout.Goose => Files(folder, "*.sql").Select(f => Sectioned(folder, f, GooseUp(), GooseDown(), "NO TRANSACTION")),
            Layout.SqlMigrate => Files(folder, "*.sql").Select(f => Sectioned(folder, f, SqlMigrateUp(), SqlMigrateDown(), "notransaction")),
            Layout.Dbmate => Files(folder, "*.sql").Select(f => Sectioned(folder, f, DbmateUp(), DbmateDown(), "transaction:false")),
            _ => Files(folder, "*.sql").Where(f => !f.EndsWith(".down.sql", StringComparison.Ordinal)).Select(f => Plain(folder, f, Slug(Path.GetFileNameWithoutExtension(f)))),
        };
        return list.ToList();
    }

    /// <summary>The layout a folder's contents suggest, for sets named without one.</summary>
    public static Layout Detect(string folder)
    {
        var dirs = Folders(folder).ToList();
        if (dirs.Any(d => File.Exists(Path.Combine(d, "migration.sql"))))
        {
            return Layout.Prisma;
        }

        if (dirs.Any(d => File.Exists(Path.Combine(d, "up.sql"))))
        {
            return Layout.Diesel;
        }

        var files = Files(folder, "*.sql").ToList();
        if (files.Any(f => f.EndsWith(".up.sql", StringComparison.Ordinal)))
        {
            return Layout.UpDownFiles;
        }

        var sample = string.Concat(files.Take(5).Select(File.ReadAllText));
        return sample.Contains("+goose Up", StringComparison.OrdinalIgnoreCase) ? Layout.Goose
            : sample.Contains("+migrate Up", StringComparison.OrdinalIgnoreCase) ? Layout.SqlMigrate
            : sample.Contains("migrate:up", StringComparison.Ordinal) ? Layout.Dbmate
            : Layout.Plain;
    }

    private static IEnumerable<string> Files(string folder, string pattern) =>
        Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Folders(string folder) =>
        Directory.GetDirectories(folder).Order(StringComparer.Ordinal);

    private static SourceMigration Plain(string folder, string file, string name)
    {
        var up = Untemplate(File.ReadAllText(file));
        return new SourceMigration(Path.GetRelativePath(folder, file), name, up, !HasConcurrently(up));
    }

    /// <summary>popx files for PostgreSQL: no dialect part, or <c>.postgres</c>.</summary>
    private static bool IsPostgresPopx(string file)
    {
        var parts = Path.GetFileName(file)[..^7].Split('.');
        return parts.Skip(1).All(p => p is "postgres" or "autocommit");
    }

    /// <summary>popx runs a migration's PostgreSQL file instead of its generic one when both exist.</summary>
    private static IEnumerable<string> PopxForPostgres(List<string> files)
    {
        var specific = files.Where(f => Path.GetFileName(f).Contains(".postgres.", StringComparison.Ordinal)).Select(PopxName).ToHashSet(StringComparer.Ordinal);
        return files.Where(f => Path.GetFileName(f).Contains(".postgres.", StringComparison.Ordinal) || !specific.Contains(PopxName(f)));
    }

    private static string PopxName(string file) => Path.GetFileName(file).Split('.')[0];

    private static SourceMigration Popx(string folder, string file)
    {
        var up = File.ReadAllText(file);
        var autocommit = Path.GetFileName(file).Contains(".autocommit.", StringComparison.Ordinal);
        return new SourceMigration(Path.GetRelativePath(folder, file), Slug(Path.GetFileName(file)[..^7]), up, !autocommit && !HasConcurrently(up));
    }

    /// <summary>Diesel orders by the version before the first underscore with its dashes removed (2017-09-23-182408 is 20170923182408).</summary>
    private static string DieselVersion(string dir)
    {
        var name = Path.GetFileName(dir);
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        return (underscore < 0 ? name : name[..underscore]).Replace("-", "", StringComparison.Ordinal);
    }

    private static SourceMigration Diesel(string folder, string dir)
    {
        var metadata = Path.Combine(dir, "metadata.toml");
        var up = File.ReadAllText(Path.Combine(dir, "up.sql"));
        var noTransaction = File.Exists(metadata) && NoTransaction().IsMatch(File.ReadAllText(metadata));
        return new SourceMigration(Path.GetRelativePath(folder, Path.Combine(dir, "up.sql")), Slug(Path.GetFileName(dir)), up, !noTransaction && !HasConcurrently(up));
    }

    /// <summary>
    /// A file with up and down sections (sql-migrate allows several of each): the text after each up marker up to the
    /// next marker; everything else becomes blank lines, so line numbers stay those of the original file. It runs
    /// without a transaction when any up marker says so (goose's marker may stand anywhere).
    /// </summary>
    private static SourceMigration Sectioned(string folder, string file, Regex upMarker, Regex downMarker, string noTransactionWord)
    {
        var text = File.ReadAllText(file);
        var markers = upMarker.Matches(text).Select(m => (Match: m, Up: true))
            .Concat(downMarker.Matches(text).Select(m => (Match: m, Up: false)))
            .OrderBy(m => m.Match.Index)
            .ToList();
        var body = new System.Text.StringBuilder();
        var position = 0;
        var up = markers.Count == 0;
        foreach (var (match, isUp) in markers.Append((Match: Match.Empty, Up: false)))
        {
            var end = match == Match.Empty ? text.Length : match.Index;
            var segment = text[position..end];
            body.Append(up ? segment : new string('\n', segment.Count(c => c == '\n')));
            if (match == Match.Empty)
            {
                break;
            }

            body.Append(match.Value);
            position = end + match.Length;
            up = isUp;
        }

        var noTransaction = markers.Any(m => m.Up && m.Match.Value.Contains(noTransactionWord, StringComparison.OrdinalIgnoreCase))
            || (noTransactionWord == "NO TRANSACTION" && text.Contains("-- +goose NO TRANSACTION", StringComparison.OrdinalIgnoreCase));
        return new SourceMigration(Path.GetRelativePath(folder, file), Slug(Path.GetFileNameWithoutExtension(file)), body.ToString(), !noTransaction);
    }

    private static bool HasConcurrently(string sql) =>
        SqlLexer.Tokenize(sql, Dialect.PostgreSql).Any(t => t.Kind == SqlTokenKind.Word
            && sql.AsSpan(t.Start, t.Length).Equals("CONCURRENTLY", StringComparison.OrdinalIgnoreCase));

    /// <summary>Go-templated migrations (supabase/auth) name their schema <c>{{ index .Options "Namespace" }}</c>.</summary>
    private static string Untemplate(string sql) => Template().Replace(sql, "auth");

    private static string Slug(string name)
    {
        var slug = NonSlug().Replace(name.ToLowerInvariant(), "_").Trim('_');
        return slug.Length == 0 ? "migration" : slug;
    }

    [GeneratedRegex(@"run_in_transaction\s*=\s*false")]
    private static partial Regex NoTransaction();

    [GeneratedRegex(@"^--\s*\+goose\s+Up\b.*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GooseUp();

    [GeneratedRegex(@"^--\s*\+goose\s+Down\b.*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GooseDown();

    [GeneratedRegex(@"^--\s*\+migrate\s+Up\b.*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SqlMigrateUp();

    [GeneratedRegex(@"^--\s*\+migrate\s+Down\b.*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SqlMigrateDown();

    [GeneratedRegex(@"^--\s*migrate:up\b.*$", RegexOptions.Multiline)]
    private static partial Regex DbmateUp();

    [GeneratedRegex(@"^--\s*migrate:down\b.*$", RegexOptions.Multiline)]
    private static partial Regex DbmateDown();

    [GeneratedRegex(@"\{\{\s*index\s+\.Options\s+""Namespace""\s*\}\}")]
    private static partial Regex Template();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
