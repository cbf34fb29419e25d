using System.Globalization;
using System.Text;

namespace Strata.Reliability.Tests.Concurrency;

/// <summary>Writes the migration folders of the concurrency scenarios.</summary>
public static class MigrationFolders
{
    /// <summary>
    /// <paramref name="count"/> migrations (a multiple of 3) in <paramref name="folder"/>: groups of a table (with a
    /// foreign key to the previous group), a column with an index and rows, and a plpgsql function with a view; the
    /// middle group's third migration is a no-transaction <c>CREATE INDEX CONCURRENTLY</c> instead. Each sleeps
    /// <paramref name="sleepMs"/> ms so that runners starting together overlap.
    /// </summary>
    public static void Stampede(string folder, int count, int sleepMs)
    {
        Directory.CreateDirectory(folder);
        var concurrently = 3 * ((count / 6) + 1);
        for (var v = 1; v <= count; v++)
        {
            var g = ((v - 1) / 3) + 1;
            var (slug, sql) = (v % 3, v == concurrently) switch
            {
                (0, true) => ($"s{g}_concurrent_index", $"-- strata:no-transaction\nCREATE INDEX CONCURRENTLY s{g}_created_idx ON s{g} (created);\n"),
                (1, _) => ($"s{g}_table", $"CREATE TABLE s{g} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL{(g > 1 ? $", parent_id bigint REFERENCES s{g - 1} (id)" : "")});\n"),
                (2, _) => ($"s{g}_rows", $"ALTER TABLE s{g} ADD COLUMN created timestamptz NOT NULL DEFAULT now();\nCREATE INDEX s{g}_name_idx ON s{g} (name);\nINSERT INTO s{g} (name) SELECT 'row ' || n FROM generate_series(1, 100) n;\n"),
                _ => ($"s{g}_view", $"CREATE FUNCTION s{g}_count() RETURNS bigint LANGUAGE plpgsql AS $$\nBEGIN\n    RETURN (SELECT count(*) FROM s{g});\nEND;\n$$;\nCREATE VIEW s{g}_named AS SELECT id, name FROM s{g} WHERE name <> '';\n"),
            };
            var sleep = sleepMs > 0 ? $"SELECT pg_sleep({(sleepMs / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)});\n" : "";
            File.WriteAllText(Path.Combine(folder, $"{v:000}_{slug}.sql"), sql + sleep, new UTF8Encoding(false));
        }
    }

    /// <summary>
    /// The kill-fuzz set: <paramref name="count"/> transactional migrations, migration v creating table <c>k{v}</c>,
    /// an index <c>k{v}_label_idx</c> and 1000 rows, then sleeping <paramref name="sleepMs"/> ms.
    /// </summary>
    public static void KillFuzz(string folder, int count, int sleepMs)
    {
        Directory.CreateDirectory(folder);
        for (var v = 1; v <= count; v++)
        {
            var sql = $"CREATE TABLE k{v} (id int PRIMARY KEY, label text NOT NULL);\n"
                + $"INSERT INTO k{v} SELECT n, 'label ' || n FROM generate_series(1, 1000) n;\n"
                + $"CREATE INDEX k{v}_label_idx ON k{v} (label);\n"
                + $"SELECT pg_sleep({(sleepMs / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)});\n";
            File.WriteAllText(Path.Combine(folder, $"{v:000}_k{v}.sql"), sql, new UTF8Encoding(false));
        }
    }
}
