using System.Globalization;
using System.Text;

namespace Strata.PostgreSql.Tests.Splitter;

/// <summary>
/// The splitter corpus of Strata.Tests (<c>tests/Strata.Tests/Sql/Corpus</c>), copied byte for byte next to this
/// assembly by the project file. Files are discovered by prefix, so new corpus files join the tests by themselves.
/// </summary>
internal static class CorpusFiles
{
    /// <summary>Fewer valid PostgreSQL files than this means the copy step broke, not that the corpus shrank.</summary>
    public const int MinimumPostgresFiles = 30;

    /// <summary>Where the build copies the corpus.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Splitter", "Corpus");

    /// <summary>The <c>pg_*.sql</c> file names (valid PostgreSQL that psql runs), sorted.</summary>
    public static IReadOnlyList<string> Postgres() => Names("pg_");

    /// <summary>The <c>problem_*.sql</c> file names (files Strata must refuse), sorted.</summary>
    public static IReadOnlyList<string> Problems() => Names("problem_");

    /// <summary>The exact bytes of a corpus file.</summary>
    public static byte[] Read(string fileName) => File.ReadAllBytes(Path.Combine(Folder, fileName));

    /// <summary>
    /// The <c>problem: line:column message-start</c> lines of the file's <c>.expected</c> sidecar (format in
    /// <c>tests/Strata.Tests/Sql/CorpusCase.cs</c>).
    /// </summary>
    public static IReadOnlyList<(int Line, int Column, string Message)> ExpectedProblems(string fileName)
    {
        var sidecar = Path.Combine(Folder, Path.ChangeExtension(fileName, ".expected"));
        var result = new List<(int, int, string)>();
        foreach (var line in File.ReadAllLines(sidecar, Encoding.UTF8))
        {
            if (line.StartsWith("===== ", StringComparison.Ordinal))
            {
                break;
            }

            if (!line.StartsWith("problem: ", StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line["problem: ".Length..];
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            var position = rest[..space].Split(':');
            result.Add((int.Parse(position[0], CultureInfo.InvariantCulture), int.Parse(position[1], CultureInfo.InvariantCulture), rest[(space + 1)..]));
        }

        return result;
    }

    private static List<string> Names(string prefix) =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, prefix + "*.sql").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList()
            : [];
}
