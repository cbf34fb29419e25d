namespace Strata.Packaging.Tests.Docs;

/// <summary>
/// "Every README and docs example does what it says", for the C# ones as far as a compiler can tell: each
/// <c>```csharp</c> block of the README, docs/*.md and the packages' READMEs compiles against the libraries of this
/// checkout, so a renamed type or a changed signature fails here instead of in a reader's project.
/// </summary>
public sealed class DocSnippetTests
{
    public static TheoryData<string> Pages() => [.. DocSnippet.Pages().Where(p => DocSnippet.Read(p).Count > 0)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_csharp_examples_of_the_page_compile(string page)
    {
        var snippets = DocSnippet.Read(page);
        var errors = snippets.SelectMany(s => SnippetCompiler.Errors(s, snippets)).Distinct(StringComparer.Ordinal).ToList();

        errors.ShouldBeEmpty(string.Join('\n', errors));
    }

    [Fact]
    public void The_pages_hold_csharp_examples_to_check()
    {
        DocSnippet.Pages().Sum(p => DocSnippet.Read(p).Count).ShouldBeGreaterThan(20);
    }
}
