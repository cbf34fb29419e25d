using System.Globalization;
using System.Security.Cryptography;
using Strata.Errors;
using Strata.History;
using Strata.Sources;

namespace Strata.Adoption;

/// <summary>Reads another tool's history and maps its rows to the migrations on disk (issue 14).</summary>
internal static class Adopter
{

    /// <summary>The history of <paramref name="from"/>, or of the one tool whose table is present.</summary>
    public static async Task<ForeignHistory> ReadAsync(IForeignHistoryReader reader, ForeignTool? from, CancellationToken ct)
    {
        var found = await FindAsync(from is { } named ? [named] : ForeignTables.Order, reader, ct).ConfigureAwait(false);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new StrataException(ErrorCategory.BadInput,
                from is { } f ? $"no {ForeignTools.Name(f)} history table ({string.Join(" or ", ForeignTables.Names(f))}) in this database" : "no other tool's history table in this database (looked for " + string.Join(", ", ForeignTables.Order.SelectMany(ForeignTables.Names).Distinct()) + ")",
                "check the database and schema; for a database no tool migrated, use `strata baseline`"),
            _ => throw new StrataException(ErrorCategory.BadInput,
                "this database holds the histories of " + string.Join(" and ", found.Select(h => $"{ForeignTools.Name(h.Tool)} ({h.Table})")),
                "choose the one to adopt with --from <tool>"),
        };
    }

    /// <summary>The histories of those of <paramref name="tools"/> whose table is present, read as each tool reads it.</summary>
    public static async Task<List<ForeignHistory>> FindAsync(IReadOnlyCollection<ForeignTool> tools, IForeignHistoryReader reader, CancellationToken ct)
    {
        var tables = await reader.FindTablesAsync(tools.SelectMany(ForeignTables.Names).Distinct().ToList(), ct).ConfigureAwait(false);
        var found = new List<ForeignHistory>();
        foreach (var tool in tools)
        {
            // dbmate's query also reads golang-migrate's schema_migrations: one table, one tool.
            if (ForeignTables.Names(tool).FirstOrDefault(tables.ContainsKey) is { } name
                && (tool != ForeignTool.Dbmate || found.All(f => f.Tool != ForeignTool.GolangMigrate))
                && await reader.QueryAsync(ForeignTables.Query(tool, tables[name]), ct).ConfigureAwait(false) is { } rows)
            {
                found.Add(ForeignTables.Interpret(tool, tables[name], rows));
            }
        }

        return found;
    }

    /// <summary>What adopting <paramref name="history"/> records; throws (exit 2) for an unsafe history or files that differ.</summary>
    public static (AdoptionPlan Plan, List<(Migration? Migration, ForeignEntry Entry)> Rows) Plan(ForeignHistory history, IReadOnlyList<Migration> migrations, Func<Migration, string> fullPath)
    {
        byte[]? Bytes(Migration m) => File.Exists(fullPath(m)) ? File.ReadAllBytes(fullPath(m)) : null;
        if (history.Unsafe is not null)
        {
            throw new StrataException(ErrorCategory.BadInput, $"{history.Unsafe}; nothing was changed", history.Fix);
        }

        var versioned = migrations.Where(m => m.Kind == MigrationKind.Versioned).ToList();
        var rows = history.IsWatermark
            ? versioned.Where(m => m.Version <= Number(history.Entries.Count > 0 ? history.Entries[0].Key : null)).Select(m => (Migration: (Migration?)m, Entry: history.Entries[0])).ToList()
            : history.Entries.Select(e => (Migration: Find(history.Tool, e, migrations, Bytes), Entry: e)).ToList();
        var code = history.Tool is ForeignTool.Knex or ForeignTool.EfCore or ForeignTool.Sqitch;
        if (history.Entries.Count > 0 && (code || rows.All(r => r.Migration is null)))
        {
            var baseline = history.Entries.Select(e => Number(e.Key)).Max() ?? 0;
            return (new AdoptionPlan(history.Tool, history.Table, history.Entries.Select(e => new AdoptedEntry(e.Key, null, "code or no file here: covered by the baseline")).ToList())
            {
                Baseline = baseline,
            }, []);
        }

        var entries = rows.Select(r => new AdoptedEntry(r.Entry.Key, r.Migration?.DisplayName, Check(history.Tool, r.Migration, r.Entry, Bytes))).ToList();
        var bad = entries.Where(e => e.Migration is null || e.Note == "checksum differs").ToList();
        if (bad.Count > 0)
        {
            throw new StrataException(ErrorCategory.BadInput,
                $"{bad.Count} row(s) of {history.Table} do not match the files: " + string.Join("; ", bad.Select(b => b.Migration is null ? $"{b.Key}: no such migration in the folder" : $"{b.Key}: the file differs from what {ForeignTools.Name(history.Tool)} applied")) + "; nothing was changed",
                "restore the files as they were applied (git history), or point \"migrations\" and \"layout\" at the old tool's folder");
        }

        // Drizzle's applied set is a watermark: every migration up to the newest recorded one counts as applied.
        var recorded = rows.Select(r => r.Migration!).Distinct().ToList();
        if (history.Tool == ForeignTool.Drizzle && recorded.Count > 0)
        {
            var newest = recorded.Max(m => m.Version);
            rows.AddRange(versioned.Where(m => m.Version <= newest && !recorded.Contains(m)).Select(m => (Migration: (Migration?)m, Entry: new ForeignEntry("(before the newest applied)", null))));
            rows = [.. rows.OrderBy(r => r.Migration!.Version)];
        }

        return (new AdoptionPlan(history.Tool, history.Table, entries) { Recorded = rows.Select(r => r.Migration!.DisplayName).Distinct().ToList() }, rows);
    }

    /// <summary>The history changes of the plan: one insert per migration (or the baseline), each audited with where it came from.</summary>
    public static List<HistoryChange> Changes(AdoptionPlan plan, List<(Migration? Migration, ForeignEntry Entry)> rows, string appliedBy)
    {
        var now = DateTimeOffset.UtcNow;
        if (plan.Baseline is { } version)
        {
            var row = new AppliedMigration { Version = version, Name = "baseline", Kind = HistoryKind.Baseline, Batch = 1, AppliedAt = now, AppliedBy = appliedBy };
            return [new HistoryInsert(row, "adopt") { Detail = $"baseline adopted from {ForeignTools.Name(plan.Tool)} ({plan.Table}): newest {plan.Entries[^1].Key}" }];
        }

        return rows.DistinctBy(r => r.Migration).Select(r => (HistoryChange)new HistoryInsert(
            new AppliedMigration
            {
                Version = r.Migration!.Version, Name = r.Migration.Name, Kind = r.Migration.Version is null ? HistoryKind.Repeatable : HistoryKind.Marked,
                Checksum = r.Migration.Checksum, Batch = 1, AppliedAt = r.Entry.AppliedAt ?? now, AppliedBy = appliedBy,
            }, "adopt") { Detail = $"adopted from {ForeignTools.Name(plan.Tool)} ({plan.Table}): {r.Entry.Key}" }).ToList();
    }

    private static Migration? Find(ForeignTool tool, ForeignEntry e, IReadOnlyList<Migration> migrations, Func<Migration, byte[]?> bytes) => tool switch
    {
        ForeignTool.Drizzle => migrations.FirstOrDefault(m => Sha256(m, bytes) == e.Checksum),
        ForeignTool.NodePgMigrate or ForeignTool.Prisma => migrations.FirstOrDefault(m => m.DisplayName == e.Key || Path.GetFileNameWithoutExtension(m.SourcePath) == e.Key),
        ForeignTool.Dbmate => migrations.FirstOrDefault(m => m.VersionText == e.Key),
        ForeignTool.Goose => migrations.FirstOrDefault(m => m.Version == Number(e.Key)),
        ForeignTool.Sqlx => migrations.FirstOrDefault(m => m.Kind == MigrationKind.Versioned && m.Version == Number(e.Key)),
        ForeignTool.Diesel => migrations.FirstOrDefault(m => m.VersionText.Replace("-", "", StringComparison.Ordinal) == e.Key),
        ForeignTool.SqlMigrate => migrations.FirstOrDefault(m => Path.GetFileName(m.SourcePath) == e.Key),
        ForeignTool.Flyway => e.Key.StartsWith("R:", StringComparison.Ordinal)
            ? migrations.FirstOrDefault(m => m.Kind == MigrationKind.Repeatable && m.Name == e.Key[2..])
            : migrations.FirstOrDefault(m => m.Kind == MigrationKind.Versioned && FlywayVersion(m.VersionText) == FlywayVersion(e.Key)),
        _ => null,
    };

    private static string Check(ForeignTool tool, Migration? m, ForeignEntry e, Func<Migration, byte[]?> bytes) => (tool, m) switch
    {
        (_, null) => "no file",
        (ForeignTool.Drizzle, _) => "SHA-256 matches",
        (ForeignTool.Prisma, _) when e.Checksum is not null => Sha256(m, bytes) == e.Checksum ? "SHA-256 matches" : "checksum differs",
        (ForeignTool.Sqlx, _) when e.Checksum is not null && bytes(m) is { } file => SqlxChecksum.Check(file, e.Checksum),
        (ForeignTool.Flyway, _) when e.Checksum is not null && bytes(m) is { } file => FlywayChecksum.Compute(file).ToString(CultureInfo.InvariantCulture) == e.Checksum ? "CRC32 matches" : "checksum differs",
        _ => $"{ForeignTools.Name(tool)} keeps no checksum",
    };

    private static string Sha256(Migration m, Func<Migration, byte[]?> bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(bytes(m) ?? (m.Up is SqlScript sql ? System.Text.Encoding.UTF8.GetBytes(sql.Sql) : [])));

    private static string FlywayVersion(string text) =>
        string.Join('.', text.Split('.', '_').Select(p => p.TrimStart('0')).Reverse().SkipWhile(p => p.Length == 0).Reverse());

    private static long? Number(string? key)
    {
        var digits = new string((key ?? "").TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and <= 18 ? long.Parse(digits, CultureInfo.InvariantCulture) : null;
    }
}
