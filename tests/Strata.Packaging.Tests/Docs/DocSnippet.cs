namespace Strata.Packaging.Tests.Docs;

/// <summary>One fenced C# block of a Markdown page: where it starts (1-based line of its first code line) and its code.</summary>
internal sealed record DocSnippet(string File, int Line, string Code)
{
    /// <summary>The Markdown pages whose C# examples must compile: the README, docs/*.md and each package's README.</summary>
    public static IReadOnlyList<string> Pages() =>
        [
            "README.md",
            .. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md").Select(Relative).Order(StringComparer.Ordinal),
            .. Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "src"))
                .Select(d => Path.Combine(d, "README.md")).Where(System.IO.File.Exists).Select(Relative).Order(StringComparer.Ordinal),
        ];

    /// <summary>
    /// The page's blocks fenced <c>```csharp</c>, in page order; a block whose info string also says <c>no-compile</c>
    /// (a fragment of generated code shown for reading) is left out.
    /// </summary>
    public static IReadOnlyList<DocSnippet> Read(string page)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(RepositoryRoot.Path, page));
        var snippets = new List<DocSnippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].Trim();
            if (!fence.StartsWith("```csharp", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].Trim() != "```")
            {
                end++;
            }

            if (!fence.Contains("no-compile", StringComparison.Ordinal))
            {
                snippets.Add(new DocSnippet(page, start + 1, string.Join('\n', lines[start..end])));
            }

            i = end;
        }

        return snippets;
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/');
}
