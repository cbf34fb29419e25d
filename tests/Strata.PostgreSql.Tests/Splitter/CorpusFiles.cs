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

    /// <summary>
    /// The files that use syntax older majors lack, with the first major that runs them: SQL-standard function bodies
    /// (<c>BEGIN ATOMIC … END</c>, <c>RETURN expr</c>) came with PostgreSQL 14. On an older server psql refuses such a
    /// file, and the equivalence test checks that Strata refuses it the same way. Add a new corpus file here when it
    /// fails on an older major of the matrix with a syntax error psql gives too.
    /// </summary>
    private static readonly Dictionary<string, int> FirstMajors = new(StringComparer.Ordinal)
    {
        ["pg_begin_atomic.sql"] = 14,
        ["pg_begin_atomic_nested_case.sql"] = 14,
        ["pg_begin_atomic_procedure.sql"] = 14,
        ["pg_crlf.sql"] = 14,
        ["pg_function_return_body.sql"] = 14,
        ["pg_function_set_search_path.sql"] = 14,
        ["pg_keyword_like_identifiers.sql"] = 14,
    };

    /// <summary>Where the build copies the corpus.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Splitter", "Corpus");

    /// <summary>The <c>pg_*.sql</c> file names (valid PostgreSQL that psql runs), sorted.</summary>
    public static IReadOnlyList<string> Postgres() => Names("pg_");

    /// <summary>The <c>problem_*.sql</c> file names (files Strata must refuse), sorted.</summary>
    public static IReadOnlyList<string> Problems() => Names("problem_");

    /// <summary>The first PostgreSQL major whose syntax the file needs (13 unless listed).</summary>
    public static int FirstMajor(string fileName) => FirstMajors.GetValueOrDefault(fileName, 13);

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
