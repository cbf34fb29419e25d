using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Errors;

namespace Strata.Sources.Layouts;

/// <summary>
/// The tools that keep a migration in a folder or order their files by a journal: Prisma Migrate
/// (<c>&lt;timestamp&gt;_&lt;name&gt;/migration.sql</c>), Diesel (<c>&lt;version&gt;_&lt;name&gt;/up.sql</c>, <c>down.sql</c>,
/// <c>metadata.toml</c>) and Drizzle Kit (<c>meta/_journal.json</c> names each <c>&lt;tag&gt;.sql</c> in order).
/// </summary>
internal static partial class FolderReaders
{
    /// <summary>Prisma Migrate: each folder holding a migration.sql, by folder name.</summary>
    public static List<LayoutMigration> Prisma(string folder, List<Problem> problems)
    {
        var result = new List<LayoutMigration>();
        foreach (var dir in FolderFiles.Folders(folder))
        {
            var script = Path.Combine(dir, "migration.sql");
            var match = PrismaFolder().Match(Path.GetFileName(dir));
            if (!File.Exists(script) || !match.Success)
            {
                continue;
            }

            if (FolderFiles.Number(match.Groups[1].Value) is { } version)
            {
                result.Add(new LayoutMigration(version, match.Groups[1].Value, match.Groups[2].Value, new LayoutSection(script), null, [script]));
            }
            else
            {
                problems.Add(new Problem(DisplayPath.For(dir), $"version {match.Groups[1].Value} has more than 18 digits"));
            }
        }

        return result;
    }

    /// <summary>
    /// Diesel: the version is the folder name before its first <c>_</c> without dashes, compared as text by Diesel
    /// (<c>2026-05-27-120000</c> before <c>2026-05-27-120000-0000</c>). Kept as one number that keeps that order: the
    /// 14-digit timestamp times 100000, plus 1 + the 4-digit counter of the newer form.
    /// </summary>
    public static List<LayoutMigration> Diesel(string folder, List<Problem> problems)
    {
        var result = new List<LayoutMigration>();
        foreach (var dir in FolderFiles.Folders(folder))
        {
            var up = Path.Combine(dir, "up.sql");
            var match = DieselFolder().Match(Path.GetFileName(dir));
            if (!File.Exists(up) || !match.Success)
            {
                continue;
            }

            var digits = match.Groups[1].Value.Replace("-", "", StringComparison.Ordinal);
            if (DieselVersion(digits) is not { } version)
            {
                problems.Add(new Problem(DisplayPath.For(dir), $"version {match.Groups[1].Value} has more than 18 digits"));
                continue;
            }

            var metadata = Path.Combine(dir, "metadata.toml");
            var transactional = !(File.Exists(metadata) && NoTransaction().IsMatch(File.ReadAllText(metadata)));
            var down = Path.Combine(dir, "down.sql");
            var downSection = File.Exists(down) ? new LayoutSection(down, Transactional: transactional) : null;
            result.Add(new LayoutMigration(version, match.Groups[1].Value, match.Groups[2].Value, new LayoutSection(up, Transactional: transactional), downSection,
                downSection is null ? [up] : [up, down]));
        }

        return result;
    }

    /// <summary>Drizzle Kit: the entries of meta/_journal.json, in order; the version is the entry's idx.</summary>
    public static List<LayoutMigration> Drizzle(string folder, List<Problem> problems)
    {
        var journal = Path.Combine(folder, "meta", "_journal.json");
        if (!File.Exists(journal))
        {
            problems.Add(new Problem(DisplayPath.For(folder), "has no meta/_journal.json, which orders Drizzle Kit's migrations; run drizzle-kit generate, or choose another layout"));
            return [];
        }

        var result = new List<LayoutMigration>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(journal));
            foreach (var entry in document.RootElement.GetProperty("entries").EnumerateArray())
            {
                var idx = entry.GetProperty("idx").GetInt64();
                var tag = entry.GetProperty("tag").GetString() ?? "";
                var script = Path.Combine(folder, tag + ".sql");
                if (!File.Exists(script))
                {
                    problems.Add(new Problem(DisplayPath.For(journal), $"entry {idx} names {tag}.sql, which is not in the folder"));
                    continue;
                }

                var underscore = tag.IndexOf('_', StringComparison.Ordinal);
                var name = underscore < 0 ? tag : tag[(underscore + 1)..];
                result.Add(new LayoutMigration(idx, underscore < 0 ? idx.ToString(CultureInfo.InvariantCulture) : tag[..underscore], name, new LayoutSection(script), null, [script]));
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problems.Add(new Problem(DisplayPath.For(journal), $"is not a Drizzle Kit journal ({e.Message})"));
        }

        return result;
    }

    private static long? DieselVersion(string digits)
    {
        if (digits.Length is 0 or > 18 || FolderFiles.Number(digits[..Math.Min(14, digits.Length)].PadRight(14, '0')) is not { } stamp)
        {
            return null;
        }

        var counter = digits.Length <= 14 ? 0 : 1 + int.Parse(digits[14..].PadRight(4, '0'), CultureInfo.InvariantCulture);
        return (stamp * 100_000) + counter;
    }

    [GeneratedRegex(@"^(\d+)_(.+)$")]
    private static partial Regex PrismaFolder();

    [GeneratedRegex(@"^([\d-]+)_(.+)$")]
    private static partial Regex DieselFolder();

    [GeneratedRegex(@"^\s*run_in_transaction\s*=\s*false\s*$", RegexOptions.Multiline)]
    private static partial Regex NoTransaction();
}
