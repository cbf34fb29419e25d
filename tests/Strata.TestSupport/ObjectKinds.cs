using System.Text;

namespace Strata.TestSupport;

/// <summary>
/// The hand-made SQL files of the object-kind round trips (<c>Schema/Kinds/*.sql</c> next to the test assembly): one
/// per kind of object pg_dump writes. <c>:role</c> stands for a role the test made; lines after <c>-- since N</c> run
/// only on PostgreSQL N and later.
/// </summary>
public static class ObjectKinds
{
    /// <summary>The folder holding the files, copied next to the test assembly.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Schema", "Kinds");

    /// <summary>The kinds: the file names without <c>.sql</c>, sorted.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Directory.GetFiles(Folder, "*.sql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    /// <summary>The SQL of <paramref name="kind"/> for a server of <paramref name="serverVersion"/> (<c>server_version_num</c>), and the parts left out.</summary>
    public static (string Sql, string LeftOut) Read(string kind, int serverVersion, string role)
    {
        var sql = new StringBuilder();
        var leftOut = new StringBuilder();
        var since = 0;
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, kind + ".sql")))
        {
            if (line.StartsWith("-- since ", StringComparison.Ordinal))
            {
                since = int.Parse(line["-- since ".Length..], System.Globalization.CultureInfo.InvariantCulture) * 10000;
                continue;
            }

            (serverVersion >= since ? sql : leftOut).Append(line.Replace(":role", "\"" + role + "\"", StringComparison.Ordinal)).Append('\n');
        }

        return (sql.ToString(), leftOut.ToString());
    }

    /// <summary>The server's <c>server_version_num</c>.</summary>
    public static async Task<int> ServerVersionAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return int.Parse((await database.ScalarAsync<string>("SHOW server_version_num"))!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
