using System.Text;

namespace Strata.TestSupport;

/// <summary>
/// <c>pg_dump --schema-only</c> of a database split into its objects (one entry per <c>-- Name: …; Type: …</c>
/// header, with the statements under it), so two databases compare object by object, in any order, text-exact.
/// Only what differs by construction is normalised: the database name and the random <c>\restrict</c> key.
/// </summary>
public sealed class SchemaDump
{
    private SchemaDump(IReadOnlyList<string> entries) => Entries = entries;

    /// <summary>The objects, each its header line and its statements (blank lines and SET lines removed), sorted.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>Dumps the database <paramref name="connectionString"/> points at, with owners and privileges.</summary>
    public static async Task<SchemaDump> TakeAsync(string connectionString, string databaseName)
    {
        var version = await ServerVersionAsync(connectionString);
        var tools = await PostgresClientTools.FindAsync(version);
        var result = await PostgresClientTools.RunAsync(tools.PgDump, ["--schema-only"], connectionString, Path.GetTempPath());
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("pg_dump failed: " + result.Describe());
        }

        return Parse(result.Output.Replace(databaseName, "<database>", StringComparison.Ordinal));
    }

    /// <summary>Splits pg_dump's plain output at its object headers.</summary>
    public static SchemaDump Parse(string dump)
    {
        var entries = new List<string>();
        StringBuilder? current = null;
        foreach (var line in dump.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("-- Name: ", StringComparison.Ordinal))
            {
                Close(entries, current);
                current = new StringBuilder(line).Append('\n');
            }
            else if (current is not null && line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal) && !line.StartsWith('\\')
                     && !line.StartsWith("SET ", StringComparison.Ordinal) && !line.StartsWith("SELECT pg_catalog.set_config", StringComparison.Ordinal))
            {
                current.Append(line).Append('\n');
            }
        }

        Close(entries, current);
        return new SchemaDump([.. entries.Order(StringComparer.Ordinal)]);
    }

    /// <summary>This dump without the objects whose header names <paramref name="table"/> or an object starting with it (Strata's history tables).</summary>
    public SchemaDump Without(string table) =>
        new([.. Entries.Where(e => !e.Split('\n')[0].Contains("Name: " + table, StringComparison.Ordinal) && !e.Split('\n')[0].Contains(" " + table, StringComparison.Ordinal))]);

    /// <summary>Empty when both hold the same objects; else the objects only in one of them, for a failure message.</summary>
    public static string Difference(SchemaDump expected, SchemaDump actual)
    {
        var missing = Subtract(expected.Entries, actual.Entries);
        var extra = Subtract(actual.Entries, expected.Entries);
        if (missing.Count == 0 && extra.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var entry in missing)
        {
            text.Append("only in the original:\n").Append(entry).Append('\n');
        }

        foreach (var entry in extra)
        {
            text.Append("only in the copy:\n").Append(entry).Append('\n');
        }

        return text.ToString();
    }

    private static List<string> Subtract(IReadOnlyList<string> from, IReadOnlyList<string> take)
    {
        var left = from.ToList();
        foreach (var entry in take)
        {
            left.Remove(entry);
        }

        return left;
    }

    private static void Close(List<string> entries, StringBuilder? current)
    {
        if (current is not null)
        {
            entries.Add(current.ToString().TrimEnd('\n'));
        }
    }

    /// <summary>The server's <c>server_version_num</c>.</summary>
    public static async Task<int> ServerVersionAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SHOW server_version_num", connection);
        return int.Parse((string)(await command.ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
