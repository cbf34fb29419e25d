using System.Text.Json;
using Strata.LintCompare;
using Strata.TestSupport;

namespace Strata.SchemaCorpus;

/// <summary>
/// One project: its migrations applied with psql to an empty database (the original); strata pull; push into a second
/// empty database; generate, migrate and rollback on a third; pg_dump --schema-only of each copy compared object by
/// object with the original's; strata diff --exit-code on both copies.
/// </summary>
internal static class ProjectRun
{
    public static async Task<ProjectResult> RunAsync(SetSpec spec, CorpusOptions options)
    {
        var migrations = Prepared(SetReader.Read(spec.Folder, spec.Layout));
        var slug = "corpus_" + new string([.. spec.Name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        var folder = Path.Combine(options.Output, slug);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(folder, "migrations"));
        var result = new ProjectResult(spec.Name) { Migrations = migrations.Count };
        await using var server = new CorpusServer(options.Server);
        var original = await server.CreateAsync(slug + "_original");
        if (await ApplyAsync(original, [.. ToolTables(spec), .. migrations], folder) is { } failure)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "apply-error.txt"), failure);
            return result with { ApplyFailure = failure };
        }

        var dump = await SchemaDump.TakeAsync(original, slug + "_original");
        var restored = await RestoredAsync(server, original, slug, folder);
        var strata = new StrataCommand(options.Strata, folder);
        var pull = await strata.RunAsync(CorpusServer.Url(original), "pull", "--json");
        if (pull.ExitCode != 0)
        {
            return result with { DumpObjects = dump.Entries.Count, StrataFailure = "pull: " + pull.Output };
        }

        using var json = JsonDocument.Parse(pull.StandardOutput); // warnings go to standard error, after the JSON in Output
        result = result with
        {
            DumpObjects = dump.Entries.Count,
            Tables = json.RootElement.GetProperty("tables").GetInt32(),
            Objects = json.RootElement.GetProperty("objects").GetInt32(),
            NotManaged = json.RootElement.TryGetProperty("notManaged", out var list) ? [.. list.EnumerateArray().Select(e => e.GetString()!)] : [],
        };
        var details = new List<string>();
        result = await PushAsync(server, strata, (dump, restored), slug, result, details);
        result = await MigrateAsync(server, strata, (dump, restored), slug, result, details);
        await File.WriteAllLinesAsync(Path.Combine(folder, "differences.txt"), details);
        return result;
    }

    /// <summary>
    /// pg_dump --schema-only of the original restored with psql into another database, then dumped again: PostgreSQL
    /// prints some expressions in a form that reads back differently (an IN list over varchar), so even pg_dump's own
    /// copy differs there; a Strata copy is judged against both.
    /// </summary>
    private static async Task<SchemaDump> RestoredAsync(CorpusServer server, string original, string slug, string folder)
    {
        var tools = await PostgresClientTools.FindAsync(await SchemaDump.ServerVersionAsync(original));
        var dump = await PostgresClientTools.RunAsync(tools.PgDump, ["--schema-only"], original, folder);
        var file = Path.Combine(folder, "pg_dump.sql");
        await File.WriteAllTextAsync(file, dump.Output);
        var restored = await server.CreateAsync(slug + "_restored");
        await PostgresClientTools.RunAsync(tools.Psql, ["-X", "-q", "-f", file], restored, folder);
        File.Delete(file);
        return await SchemaDump.TakeAsync(restored, slug + "_restored");
    }

    private static async Task<ProjectResult> PushAsync(CorpusServer server, StrataCommand strata, (SchemaDump Original, SchemaDump Restored) dumps, string slug, ProjectResult result, List<string> details)
    {
        var pushed = await server.CreateAsync(slug + "_pushed");
        var push = await strata.RunAsync(CorpusServer.Url(pushed), "push", "--yes");
        if (push.ExitCode != 0)
        {
            return result with { StrataFailure = "push: " + push.Output };
        }

        var copy = await SchemaDump.TakeAsync(pushed, slug + "_pushed");
        var difference = SchemaDump.Difference(dumps.Original, copy);
        details.Add("== pull → push\n" + difference);
        var diff = await strata.RunAsync(CorpusServer.Url(pushed), "diff", "--exit-code");
        details.Add("== diff after push\n" + diff.Output);
        return result with { PushDifferent = Differing(difference), PushBeyondRestore = Differing(SchemaDump.Difference(dumps.Restored, copy)), PushDiffExit = diff.ExitCode };
    }

    private static async Task<ProjectResult> MigrateAsync(CorpusServer server, StrataCommand strata, (SchemaDump Original, SchemaDump Restored) dumps, string slug, ProjectResult result, List<string> details)
    {
        var migrated = await server.CreateAsync(slug + "_migrated");
        var url = CorpusServer.Url(migrated);
        foreach (var step in new[] { new[] { "generate", "all", "--sequential", "--yes" }, ["migrate"] })
        {
            var run = await strata.RunAsync(url, step);
            if (run.ExitCode != 0)
            {
                return result with { StrataFailure = step[0] + ": " + run.Output };
            }
        }

        var copy = (await SchemaDump.TakeAsync(migrated, slug + "_migrated")).Without("strata_migrations");
        var difference = SchemaDump.Difference(dumps.Original, copy);
        details.Add("== generate → migrate\n" + difference);
        var diff = await strata.RunAsync(url, "diff", "--exit-code");
        details.Add("== diff after migrate\n" + diff.Output);
        var rollback = await strata.RunAsync(url, "rollback", "--yes");
        var empty = await server.CreateAsync(slug + "_empty");
        var left = SchemaDump.Difference(await SchemaDump.TakeAsync(empty, slug + "_empty"), (await SchemaDump.TakeAsync(migrated, slug + "_migrated")).Without("strata_migrations"));
        details.Add("== rollback\n" + rollback.Output + left);
        return result with
        {
            MigrateDifferent = Differing(difference),
            MigrateBeyondRestore = Differing(SchemaDump.Difference(dumps.Restored, copy)),
            MigrateDiffExit = diff.ExitCode,
            RollbackLeft = rollback.ExitCode == 0 ? Differing(left) : -1,
        };
    }

    /// <summary>The project's up scripts through psql, one by one, each in a transaction unless its tool runs it without; the first failure.</summary>
    private static async Task<string?> ApplyAsync(string database, IReadOnlyList<SourceMigration> migrations, string folder)
    {
        var script = Path.Combine(folder, "apply.sql");
        var tools = await PostgresClientTools.FindAsync(await SchemaDump.ServerVersionAsync(database));
        foreach (var migration in migrations)
        {
            await File.WriteAllTextAsync(script, migration.Up);
            var transactional = migration.Transactional && !migration.Up.Contains("CONCURRENTLY", StringComparison.OrdinalIgnoreCase);
            string[] arguments = transactional ? ["-v", "ON_ERROR_STOP=1", "-X", "-q", "-1", "-f", script] : ["-v", "ON_ERROR_STOP=1", "-X", "-q", "-f", script];
            var run = await PostgresClientTools.RunAsync(tools.Psql, arguments, database, folder);
            if (run.ExitCode != 0)
            {
                return $"{migration.Original}: {run.Error.Trim()}";
            }
        }

        File.Delete(script);
        return null;
    }

    /// <summary>
    /// What the project's tool makes before its first migration: its history table (some migrations touch it), and the
    /// <c>auth</c> schema supabase/auth's templated migrations live in (its runner gets it from supabase's image).
    /// </summary>
    private static IEnumerable<SourceMigration> ToolTables(SetSpec spec)
    {
        var sql = spec.Layout switch
        {
            Layout.Diesel => "CREATE TABLE __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP);",
            Layout.UpDownFiles when spec.Name == "supabase/auth" => "CREATE SCHEMA auth;",
            Layout.UpDownFiles => "CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL);",
            Layout.Dbmate => "CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY);",
            _ => null,
        };
        return sql is null ? [] : [new SourceMigration("(what the tool makes first)", "tool", sql, true)];
    }

    /// <summary>
    /// Numeric order when every migration starts with a number (a tool reading versions as numbers runs 2 before 10),
    /// and river's schema placeholder taken out (its runner puts a schema there, or nothing).
    /// </summary>
    private static List<SourceMigration> Prepared(IReadOnlyList<SourceMigration> migrations)
    {
        static long? Number(SourceMigration m) =>
            new string([.. m.Original.Split('/')[0].Split('_')[0].Where(c => c != '-')]) is { Length: > 0 and < 19 } digits && digits.All(char.IsAsciiDigit)
                ? long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)
                : null;
        var ordered = migrations.All(m => Number(m) is not null) ? migrations.OrderBy(Number).ToList() : [.. migrations];
        return [.. ordered.Select(m => m with { Up = m.Up.Replace("/* TEMPLATE: schema */", "", StringComparison.Ordinal) })];
    }

    /// <summary>The objects a <see cref="SchemaDump.Difference"/> names (one changed object is in it twice, once per side).</summary>
    private static int Differing(string difference)
    {
        var lines = difference.Split('\n');
        return lines.Skip(1).Where((_, i) => lines[i].StartsWith("only in the ", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Count();
    }
}
