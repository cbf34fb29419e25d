using System.Text.Json;

namespace Strata.Cli.Tests.Lint;

/// <summary>Migrations and JSON helpers for the <c>strata lint --measure</c> tests.</summary>
internal static class MeasureCases
{
    public const string Orders = "CREATE TABLE orders (id int PRIMARY KEY, total int NOT NULL, note text);\nCREATE TABLE tags (id int, name text);\n-- strata:down\nDROP TABLE tags;\nDROP TABLE orders;\n";

    public const string TotalBigint = "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n-- strata:down\nALTER TABLE orders ALTER COLUMN total TYPE int;\n";

    public const string ConstantDefault = "ALTER TABLE orders ADD COLUMN flag int NOT NULL DEFAULT 0;\n-- strata:down\nALTER TABLE orders DROP COLUMN flag;\n";

    public const string TagsIndex = "CREATE INDEX tags_name ON tags (name);\n-- strata:down\nDROP INDEX tags_name;\n";

    public const string DropNote = "ALTER TABLE orders DROP COLUMN note;\n-- strata:down\nALTER TABLE orders ADD COLUMN note text;\n";

    public const string Concurrently = "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY orders_total ON orders (total);\n-- strata:down\nDROP INDEX orders_total;\n";

    /// <summary>The entry of <c>measured</c> for <paramref name="migration"/> (e.g. <c>002_total</c>).</summary>
    public static JsonElement Measured(JsonElement root, string migration) =>
        root.GetProperty("measured").EnumerateArray().Single(m => m.GetProperty("migration").GetString() == migration);

    /// <summary>The findings of <paramref name="rule"/> in <paramref name="file"/> (a file name under migrations/).</summary>
    public static List<JsonElement> Findings(JsonElement root, string rule, string file) =>
        root.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == rule && f.GetProperty("file").GetString() == "migrations/" + file)
            .ToList();

    /// <summary><c>relation mode</c> of each lock held at the end of <paramref name="measured"/>.</summary>
    public static List<string> Locks(JsonElement measured) =>
        measured.GetProperty("locksAtEnd").EnumerateArray().Select(l => l.GetProperty("relation").GetString() + " " + l.GetProperty("mode").GetString()).ToList();

    /// <summary><c>kind relation</c> of each relation <paramref name="measured"/> rewrote.</summary>
    public static List<string> Rewritten(JsonElement measured) =>
        measured.GetProperty("rewritten").EnumerateArray().Select(r => r.GetProperty("kind").GetString() + " " + r.GetProperty("relation").GetString()).ToList();
}
