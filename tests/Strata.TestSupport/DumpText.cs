using System.Text;

namespace Strata.TestSupport;

/// <summary>
/// Makes two pg_dump outputs of different databases comparable, changing only what differs by construction:
/// the database name and the random key of the <c>\restrict</c>/<c>\unrestrict</c> lines that pg_dump prints
/// since 17.6, 16.10 and 15.14.
/// </summary>
public static class DumpText
{
    private static readonly string[] KeyedCommands = ["\\restrict ", "\\unrestrict "];

    public static string Normalise(string dump, string databaseName)
    {
        var text = new StringBuilder(dump.Length);
        foreach (var line in dump.ReplaceLineEndings("\n").Split('\n'))
        {
            var keyed = KeyedCommands.FirstOrDefault(c => line.StartsWith(c, StringComparison.Ordinal));
            text.Append(keyed is null ? line.Replace(databaseName, "<database>", StringComparison.Ordinal) : keyed + "<key>").Append('\n');
        }

        return text.ToString();
    }
}
