using System.Text.Json;
using Strata.Reliability.Tests.Integrity;

namespace Strata.Reliability.Tests;

/// <summary>
/// R23 — injection through configured identifiers: history table and schema names such as
/// <c>x"; DROP TABLE canary; --</c> and <c>a.b.c</c> are created literally as quoted identifiers, names longer than
/// PostgreSQL keeps (64 bytes) or holding control characters are refused with exit 2, and table <c>canary</c>
/// survives every case. Real <c>strata</c> processes with the names in strata.json, on PostgreSQL and SQLite.
/// Strata has no placeholder feature, so the placeholder items of R23 do not apply (see docs/reliability.md).
/// </summary>
public sealed class R23_Injection
{
    private const string Hostile = "x\"; DROP TABLE canary; --";

    /// <summary>64 bytes: one more than PostgreSQL's identifier limit of 63.</summary>
    private static readonly string LongAscii = new('n', 64);

    /// <summary>64 bytes in UTF-8 but only 32 characters.</summary>
    private static readonly string LongMultibyte = string.Concat(Enumerable.Repeat("é", 32));

    /// <summary>Names created literally; the full size adds more spellings.</summary>
    public static TheoryData<Engine, string?, string> Accepted()
    {
        var data = new TheoryData<Engine, string?, string>
        {
            { Engine.PostgreSql, Hostile, Hostile },
            { Engine.PostgreSql, "a.b.c", "a.b.c" },
            { Engine.Sqlite, null, Hostile },
            { Engine.Sqlite, null, "a.b.c" },
        };
        if (ReliabilitySize.Full)
        {
            data.Add(Engine.PostgreSql, null, Hostile);
            data.Add(Engine.PostgreSql, null, "a.b.c");
            data.Add(Engine.PostgreSql, "public", "'; DELETE FROM canary; --");
            data.Add(Engine.Sqlite, null, "]; DROP TABLE canary; --");
        }

        return data;
    }

    /// <summary>Names refused with exit 2, and the words of the message; the full size adds more.</summary>
    public static TheoryData<Engine, string?, string, string> Refused()
    {
        var data = new TheoryData<Engine, string?, string, string>
        {
            { Engine.PostgreSql, null, LongAscii, "history table name" },
            { Engine.PostgreSql, null, "x\n; DROP TABLE canary; --", "control character" },
            { Engine.Sqlite, null, LongMultibyte, "history table name" },
            { Engine.Sqlite, Hostile, "strata_migrations", "SQLite has no schemas" },
        };
        if (ReliabilitySize.Full)
        {
            data.Add(Engine.PostgreSql, LongAscii, "strata_migrations", "history schema name");
            data.Add(Engine.PostgreSql, null, LongMultibyte, "history table name");
            data.Add(Engine.Sqlite, null, LongAscii, "history table name");
            data.Add(Engine.Sqlite, "a.b.c", "strata_migrations", "history schema 'a.b.c'");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task A_hostile_history_name_is_created_literally_and_canary_survives(Engine engine, string? schema, string table)
    {
        await using var scene = await SceneWithCanaryAsync(engine, schema, table);

        var migrate = await scene.RunAsync("migrate");
        var status = await scene.RunAsync("status");
        var rollback = await scene.RunAsync("rollback");

        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        status.ExitCode.ShouldBe(0, "status reads the literal table and finds everything applied\n" + status);
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        (await scene.Database.NumberAsync("SELECT count(*) FROM canary")).ShouldBe(1, "canary survives with its row");
        (await HistoryTableCountAsync(scene, schema, table)).ShouldBe(1, "the history table exists under exactly the configured name");
        var qualified = (schema is null ? "" : Quote(schema) + ".") + Quote(table);
        (await scene.Database.NumberAsync($"SELECT count(*) FROM {qualified}")).ShouldBe(0, "the rollback removed the row from the literal table");
        (await scene.Database.NumberAsync($"SELECT count(*) FROM {(schema is null ? "" : Quote(schema) + ".")}{Quote(table + "_audit")}"))
            .ShouldBeGreaterThan(0, "the rollback was audited in the literal audit table");
        (await scene.Database.TableExistsAsync("strata_migrations")).ShouldBeFalse("nothing went to the default table");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_unusable_history_name_exits_2_before_touching_the_database(Engine engine, string? schema, string table, string message)
    {
        await using var scene = await SceneWithCanaryAsync(engine, schema, table);
        var tablesBefore = await TableCountAsync(scene);

        foreach (var result in await Task.WhenAll(scene.RunAsync("migrate"), scene.RunAsync("status")))
        {
            result.ExitCode.ShouldBe(2, result.ToString());
            result.Stderr.ShouldContain(message, Case.Sensitive, result.ToString());
            result.Stderr.ShouldContain("hint:", Case.Sensitive, "the fix is given");
        }

        (await scene.Database.NumberAsync("SELECT count(*) FROM canary")).ShouldBe(1);
        (await TableCountAsync(scene)).ShouldBe(tablesBefore, "no table was created");
    }

    private static async Task<Scene> SceneWithCanaryAsync(Engine engine, string? schema, string table)
    {
        var scene = await Scene.CreateAsync(engine);
        await scene.Database.ExecuteAsync("CREATE TABLE canary (id int)");
        await scene.Database.ExecuteAsync("INSERT INTO canary VALUES (1)");
        var history = new Dictionary<string, string> { ["table"] = table };
        if (schema is not null)
        {
            history["schema"] = schema;
        }

        scene.WriteRootFile("strata.json", JsonSerializer.Serialize(new Dictionary<string, object> { ["history"] = history }));
        scene.Write("001_t.sql", "CREATE TABLE t (id int);\n\n-- strata:down\nDROP TABLE t;\n");
        return scene;
    }

    private static Task<long> HistoryTableCountAsync(Scene scene, string? schema, string table) => scene.Engine == Engine.PostgreSql
        ? scene.Database.NumberAsync(
            $"SELECT count(*) FROM pg_tables WHERE schemaname = {SceneDatabase.Literal(schema ?? "public")} AND tablename = {SceneDatabase.Literal(table)}")
        : scene.Database.NumberAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = {SceneDatabase.Literal(table)}");

    private static Task<long> TableCountAsync(Scene scene) => scene.Engine == Engine.PostgreSql
        ? scene.Database.NumberAsync("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
        : scene.Database.NumberAsync("SELECT count(*) FROM sqlite_master WHERE type = 'table'");

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
