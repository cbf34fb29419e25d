using System.Text.RegularExpressions;

namespace Strata.Packaging.Tests.Docs;

/// <summary>
/// One <c>```console checked</c> block of a Markdown page: a shell session that <see cref="DocConsoleTests"/> runs in
/// an empty folder with the <c>strata</c> of this checkout, comparing what each command prints with what the page
/// shows. A line starting <c>$ </c> is a command (a here-document, <c>&lt;&lt;'EOF'</c>, takes the lines up to its
/// terminator); the lines up to the next command are its output; a comment <c># exit N</c> on the command states its
/// exit code (else 0). Only SQLite and file commands belong in such a block: nothing starts a server for it.
/// </summary>
internal sealed partial record DocConsoleBlock(string Page, int Line, IReadOnlyList<DocConsoleStep> Steps)
{
    /// <summary>The word after <c>```console</c> that marks a block as run by the tests.</summary>
    public const string Marker = "checked";

    /// <summary>Where the block is, for test names and messages.</summary>
    public string Name => $"{Page}:{Line}";

    /// <summary>The page's checked console blocks, in page order.</summary>
    public static IReadOnlyList<DocConsoleBlock> Read(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, page));
        var blocks = new List<DocConsoleBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].Trim();
            if (!fence.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var end = i + 1;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            if (fence.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["```console", Marker])
            {
                blocks.Add(new DocConsoleBlock(page, i + 2, ReadSteps(page, i + 2, lines[(i + 1)..end])));
            }

            i = end;
        }

        return blocks;
    }

    private static List<DocConsoleStep> ReadSteps(string page, int firstLine, string[] lines)
    {
        var steps = new List<DocConsoleStep>();
        for (var i = 0; i < lines.Length;)
        {
            if (!lines[i].StartsWith("$ ", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{page}:{firstLine + i}: a checked console block starts each command with '$ ' and shows output only after one");
            }

            var command = new List<string> { lines[i][2..] };
            var heredoc = HereDocument().Match(lines[i]);
            i++;
            if (heredoc.Success)
            {
                while (i < lines.Length && lines[i] != heredoc.Groups["end"].Value)
                {
                    command.Add(lines[i++]);
                }

                command.Add(lines[i++]);
            }

            var output = new List<string>();
            while (i < lines.Length && !lines[i].StartsWith("$ ", StringComparison.Ordinal))
            {
                output.Add(lines[i++]);
            }

            var exit = ExitComment().Match(command[0]);
            steps.Add(new DocConsoleStep(string.Join('\n', command), output, exit.Success ? int.Parse(exit.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0));
        }

        return steps;
    }

    [GeneratedRegex(@"<<-?'?(?<end>[A-Za-z_]+)'?\s*$")]
    private static partial Regex HereDocument();

    [GeneratedRegex(@"#\s*exit (?<code>\d+)\b")]
    private static partial Regex ExitComment();
}
