using System.Text.RegularExpressions;

namespace Strata.Sources;

/// <summary>
/// Dialect variants of one migration in Strata's own layout (popx's rule): <c>001_x.postgres.sql</c> and
/// <c>001_x.sqlite.sql</c> (also <c>.postgres.up.sql</c>/<c>.down.sql</c>; <c>postgresql</c> and <c>sqlite3</c> are
/// the same dialects). The file of the database's dialect is read as <c>001_x.sql</c> and wins over a file of that
/// name without a dialect; another dialect's file (also <c>mysql</c>, <c>mssql</c>, <c>cockroach</c>) is not read.
/// </summary>
internal static partial class DialectVariants
{
    /// <summary>The entries the database of <paramref name="dialect"/> reads, the dialect's files under their names without the dialect.</summary>
    public static List<MigrationFileEntry> Select(IReadOnlyList<MigrationFileEntry> files, Dialect dialect)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<MigrationFileEntry>(files.Count);
        foreach (var file in files)
        {
            var match = Variant().Match(file.Name);
            if (!match.Success)
            {
                result.Add(file);
            }
            else if (Of(match.Groups[2].Value) == dialect)
            {
                var plain = match.Groups[1].Value + match.Groups[3].Value;
                own.Add(plain);
                result.Add(file with { Name = plain });
            }
        }

        // A dialect's file replaces the file without a dialect; the variant keeps its place in name order.
        return result.Where(f => !own.Contains(f.Name) || Variant().IsMatch(Path.GetFileName(f.DisplayPath))).ToList();
    }

    private static Dialect? Of(string dialect) => dialect switch
    {
        "postgres" or "postgresql" => Dialect.PostgreSql,
        "sqlite" or "sqlite3" => Dialect.Sqlite,
        _ => null,
    };

    [GeneratedRegex(@"^(\d+_[A-Za-z0-9_]+)\.(postgres|postgresql|sqlite|sqlite3|mysql|mssql|cockroach)((?:\.up|\.down)?\.sql)$")]
    private static partial Regex Variant();
}
