using Strata.Errors;
using Strata.Sql;

namespace Strata.Sources.Layouts;

/// <summary>
/// Turns what a layout reader found into <see cref="Migration"/>s: reads and decodes each file once, cuts its
/// scripts by lines (padded with the lines before them, so every line and column in messages and errors is the
/// file's own), parses each with the same rules as Strata's files (psql-compatible transaction handling, lexical
/// checks), applies the tool's no-transaction marker, and checksums the files as written.
/// </summary>
internal static partial class LayoutLoader
{
    private static readonly MigrationFileName ScriptName = MigrationFileName.TryParse("1_script.up.sql", out var name, out _) ? name : throw new InvalidOperationException();

    /// <summary>The migrations of <paramref name="found"/>, in order; throws <see cref="MigrationSourceException"/> with every problem.</summary>
    public static IReadOnlyList<Migration> Build(IReadOnlyList<LayoutMigration> found, List<Problem> problems, Dialect dialect, string? displayBase)
    {
        var texts = new Dictionary<string, DecodedScript?>(StringComparer.Ordinal);
        var result = new List<Migration>();
        foreach (var m in found)
        {
            var files = m.Files.Select(f => Decode(f, texts, problems, displayBase)).ToList();
            if (files.Any(f => f is null))
            {
                continue;
            }

            var up = Script(m.Up, texts, problems, dialect, displayBase, isDown: false);
            var down = m.Down is null ? null : Script(m.Down, texts, problems, dialect, displayBase, isDown: true);
            if (up is null)
            {
                continue;
            }

            var checksum = files.Count == 1 ? files[0]!.Checksum : Checksum.Compute(string.Join("\n", files.Select(f => f!.Checksum)));
            result.Add(new Migration
            {
                Version = m.Version,
                VersionText = m.VersionText,
                Name = m.Name,
                Kind = m.Version is null ? MigrationKind.Repeatable : MigrationKind.Versioned,
                Checksum = checksum,
                Up = up,
                Down = down,
                SourcePath = DisplayPath.For(m.Up.Path, displayBase),
            });
        }

        Duplicates(found, problems, displayBase);

        // As every source: versioned by version (a reader lists files in name order, which is not version order where
        // a tool writes versions in two forms, as Diesel's 2017-09-23-182408 after 20170804200817), then repeatables.
        result = [.. result.Where(m => m.Version is not null).OrderBy(m => m.Version), .. result.Where(m => m.Version is null)];
        return problems.Count == 0 ? result : throw new MigrationSourceException(problems);
    }

    private static void Duplicates(IReadOnlyList<LayoutMigration> found, List<Problem> problems, string? displayBase)
    {
        foreach (var group in found.Where(m => m.Version is not null).GroupBy(m => m.Version).Where(g => g.Count() > 1))
        {
            var paths = group.Select(m => DisplayPath.For(m.Up.Path, displayBase)).ToList();
            problems.Add(new Problem(paths[0], $"version {group.First().VersionText} is used by more than one migration: {string.Join(", ", paths)}; give each migration its own version"));
        }
    }

    private static DecodedScript? Decode(string path, Dictionary<string, DecodedScript?> texts, List<Problem> problems, string? displayBase)
    {
        if (texts.TryGetValue(path, out var known))
        {
            return known;
        }

        DecodedScript? script = null;
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length == 0)
            {
                // Other tools take an empty file for a script that does nothing (golang-migrate, popx downs).
                script = new DecodedScript("", Sql.Checksum.Compute(""), "");
            }
            else if (!ScriptDecoder.TryDecode(bytes, out script, out var problem))
            {
                problems.Add(new Problem(DisplayPath.For(path, displayBase), problem));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(DisplayPath.For(path, displayBase), $"cannot be read: {e.Message}"));
        }

        texts[path] = script;
        return script;
    }

    /// <summary>The script of <paramref name="section"/>, or null after a problem; an up script of whitespace only is a no-op, a down one means none.</summary>
    private static SqlScript? Script(LayoutSection section, Dictionary<string, DecodedScript?> texts, List<Problem> problems, Dialect dialect, string? displayBase, bool isDown)
    {
        var path = DisplayPath.For(section.Path, displayBase);
        var file = texts[section.Path]!;
        var padded = Padded(file.Original, section);
        if (string.IsNullOrWhiteSpace(padded))
        {
            return isDown ? null : new SqlScript(padded.Trim(), path, 1, section.Transactional);
        }

        var canonical = Checksum.Canonicalize(padded);
        var found = new List<FileProblem>();
        var parsed = MigrationFileParser.Parse(new DecodedScript(canonical, "", padded), ScriptName, dialect, found);
        var cursor = new PositionCursor(canonical);
        foreach (var problem in found.OrderBy(p => p.Offset))
        {
            var (line, column) = problem.Offset < 0 ? (0, 0) : cursor.MoveTo((int)problem.Offset);
            problems.Add(new Problem(problem.Offset < 0 ? path : $"{path}:{line}:{column}", problem.Message));
        }

        if (parsed is null)
        {
            return null;
        }

        // The other tools run such a script as the server allows: a statement PostgreSQL refuses inside a transaction
        // block (CREATE INDEX CONCURRENTLY alone in a golang-migrate or Prisma file, a DO block that COMMITs between
        // batches as supabase/storage's backfill does) runs it without one, as psql does.
        var outside = dialect == Dialect.PostgreSql && SqlSplitter.Split(parsed.Up.Sql, dialect).Any(st => OutsideTransaction().IsMatch(st.Text));
        var script = parsed.Up with { Transactional = parsed.Up.Transactional && section.Transactional && !outside };
        return script.ToScript(path);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY|DROP\s+INDEX\s+CONCURRENTLY|REINDEX\b.*\bCONCURRENTLY|VACUUM\b|CREATE\s+DATABASE|DROP\s+DATABASE|ALTER\s+SYSTEM|CREATE\s+TABLESPACE|DROP\s+TABLESPACE|DO\b.*\b(COMMIT|ROLLBACK)\s*(AND\s+(NO\s+)?CHAIN\s*)?;)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex OutsideTransaction();

    /// <summary>
    /// The lines of <paramref name="section"/>, each at its own line number: the lines before and between its ranges
    /// are empty lines, so lines and columns in messages and errors are the file's own.
    /// </summary>
    private static string Padded(string text, LayoutSection section)
    {
        var builder = new System.Text.StringBuilder();
        var line = 1;
        foreach (var (first, end) in section.More.Prepend((section.FirstLine, section.EndLine)))
        {
            builder.Append('\n', Math.Max(0, first - line)).Append(Lines(text, first, end));
            line = end ?? first;
        }

        return builder.ToString();
    }

    /// <summary>Lines [<paramref name="first"/>, <paramref name="end"/>) of <paramref name="text"/> (1-based; line ends kept as written).</summary>
    internal static string Lines(string text, int first, int? end)
    {
        var start = LineStart(text, first);
        var stop = end is { } e ? LineStart(text, e) : text.Length;
        return start >= stop ? "" : text[start..stop];
    }

    private static int LineStart(string text, int line)
    {
        var offset = 0;
        for (var current = 1; current < line; current++)
        {
            var next = text.IndexOf('\n', offset);
            if (next < 0)
            {
                return text.Length;
            }

            offset = next + 1;
        }

        return offset;
    }
}
