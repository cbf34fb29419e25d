using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Tests.Sql;

/// <summary>
/// One file of the splitter corpus and its <c>.expected</c> sidecar: <c>flavor:</c>, <c>statements:</c>, optional
/// <c>line-endings: crlf</c>, <c>problem: line:column message-start</c> lines, then optionally the exact text of each
/// statement after a <c>===== n</c> line (written with LF; the file's last line break belongs to the format).
/// </summary>
internal sealed record CorpusCase(string Name, string Sql, Dialect Dialect, int StatementCount, IReadOnlyList<string> Texts, IReadOnlyList<(int Line, int Column, string Message)> Problems)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Sql", "Corpus");

    public static CorpusCase Load(string name)
    {
        var sql = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Folder, name + ".sql")));
        var expected = File.ReadAllText(Path.Combine(Folder, name + ".expected"));
        var firstText = expected.StartsWith("===== ", StringComparison.Ordinal) ? 0 : expected.IndexOf("\n===== ", StringComparison.Ordinal) + 1;
        var headers = (firstText > 0 ? expected[..firstText] : expected).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string Header(string key) => headers.Single(h => h.StartsWith(key + ": ", StringComparison.Ordinal))[(key.Length + 2)..];
        var crlf = headers.Contains("line-endings: crlf");
        return new CorpusCase(
            name,
            sql,
            Header("flavor") == "sqlite" ? Dialect.Sqlite : Dialect.PostgreSql,
            int.Parse(Header("statements"), CultureInfo.InvariantCulture),
            firstText > 0 ? ParseTexts(expected[firstText..], crlf) : [],
            headers.Where(h => h.StartsWith("problem: ", StringComparison.Ordinal)).Select(ParseProblem).ToList());
    }

    private static (int, int, string) ParseProblem(string header)
    {
        var rest = header["problem: ".Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        var position = rest[..space].Split(':');
        return (int.Parse(position[0], CultureInfo.InvariantCulture), int.Parse(position[1], CultureInfo.InvariantCulture), rest[(space + 1)..]);
    }

    /// <summary>Blocks start with a <c>===== n</c> line; each block's last line break belongs to the format.</summary>
    private static List<string> ParseTexts(string blocks, bool crlf) =>
        Regex.Split(blocks, @"^===== \d+\n", RegexOptions.Multiline)
            .Skip(1)
            .Select(block => block.EndsWith('\n') ? block[..^1] : block)
            .Select(text => crlf ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text)
            .ToList();

    public override string ToString() => Name;
}
