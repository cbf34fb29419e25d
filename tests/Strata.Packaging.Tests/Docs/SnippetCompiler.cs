using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Strata.Packaging.Tests.Docs;

/// <summary>
/// Compiles each C# example of a page with Roslyn against the libraries of this checkout, as a reader pastes it into
/// a <c>Program.cs</c> beside the types the page's other examples declare: its <c>using</c> lines, then <see cref="SnippetPrelude"/>'s statements for the names examples
/// take from their surroundings (<c>connectionString</c>, <c>builder</c>, <c>ct</c>, … — left out where the example
/// declares the name itself), then the example's statements, then its types. The namespaces of every Strata library
/// are imported. Errors point at the page's lines (<c>#line</c>). Nothing runs.
/// </summary>
internal static class SnippetCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p))]);

    private static readonly Lazy<SyntaxTree> GlobalUsings = new(() => CSharpSyntaxTree.ParseText(
        string.Join('\n', FindUsings().Select(u => $"global using {u};")), Parse, "usings.cs"));

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    /// <summary>Every error of the example, as <c>file:line: CSxxxx message</c>; empty when it compiles.</summary>
    public static IReadOnlyList<string> Errors(DocSnippet snippet, IReadOnlyList<DocSnippet> page)
    {
        var root = CSharpSyntaxTree.ParseText(snippet.Code, Parse).GetCompilationUnitRoot();
        var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
        var declared = statements.SelectMany(Declared).ToHashSet(StringComparer.Ordinal);
        var earlier = Earlier(snippet, page, declared);
        declared.UnionWith(earlier.SelectMany(e => Declared(e.Statement)));
        var text = new StringBuilder();
        foreach (var directive in root.Usings)
        {
            text.Append(Mapped(snippet, directive));
        }

        if (statements.Count > 0)
        {
            text.Append("#line hidden\n");
            foreach (var given in SnippetPrelude.Given.Where(g => !declared.Contains(g.Name)))
            {
                text.Append(given.Declaration).Append('\n');
            }

            foreach (var (from, statement) in earlier)
            {
                text.Append(Mapped(from, statement));
            }
        }

        foreach (var member in statements.Concat(root.Members.Where(m => m is not GlobalStatementSyntax)))
        {
            text.Append(Mapped(snippet, member));
        }

        foreach (var other in page.Where(p => p != snippet))
        {
            foreach (var type in CSharpSyntaxTree.ParseText(other.Code, Parse).GetCompilationUnitRoot().Members.OfType<BaseTypeDeclarationSyntax>())
            {
                text.Append(Mapped(other, type));
            }
        }

        text.Append("#line hidden\n").Append(SnippetPrelude.Types).Append('\n');
        var compilation = CSharpCompilation.Create(
            "doc_" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(text.ToString(), Parse, "snippet.cs"), GlobalUsings.Value],
            References.Value,
            new CSharpCompilationOptions(statements.Count > 0 ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Location.GetMappedLineSpan() is { HasMappedPath: true } span
                ? $"{span.Path}:{span.StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}"
                : $"{snippet.File}:{snippet.Line} (the prelude): {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}")];
    }

    /// <summary>
    /// The variable declarations of the page's earlier examples that this one uses without declaring (lint.md's second
    /// example goes on from the first one's <c>settings</c> and <c>run</c>), with the earlier declarations those use,
    /// the latest declaration of a name winning; in page order.
    /// </summary>
    private static List<(DocSnippet From, GlobalStatementSyntax Statement)> Earlier(DocSnippet snippet, IReadOnlyList<DocSnippet> page, HashSet<string> declared)
    {
        var candidates = page.TakeWhile(p => p != snippet)
            .SelectMany(p => CSharpSyntaxTree.ParseText(p.Code, Parse).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>()
                .Where(g => g.Statement is LocalDeclarationStatementSyntax)
                .Select(g => (From: p, Statement: g)))
            .ToList();
        var needed = new Stack<string>(Used(CSharpSyntaxTree.ParseText(snippet.Code, Parse).GetRoot()).Where(n => !declared.Contains(n)));
        var picked = new HashSet<int>();
        var resolved = new HashSet<string>(StringComparer.Ordinal);
        while (needed.TryPop(out var name))
        {
            if (!resolved.Add(name))
            {
                continue;
            }

            var index = candidates.FindLastIndex(c => Declared(c.Statement).Contains(name, StringComparer.Ordinal));
            if (index >= 0 && picked.Add(index))
            {
                foreach (var used in Used(candidates[index].Statement))
                {
                    needed.Push(used);
                }
            }
        }

        return [.. picked.Order().Select(i => candidates[i])];
    }

    private static IEnumerable<string> Used(SyntaxNode node) =>
        node.DescendantNodes().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.Text).Distinct(StringComparer.Ordinal);

    private static string Mapped(DocSnippet snippet, SyntaxNode node)
    {
        var line = snippet.Line + node.GetLocation().GetLineSpan().StartLinePosition.Line;
        return $"#line {line} \"{snippet.File}\"\n{node}\n";
    }

    private static IEnumerable<string> Declared(GlobalStatementSyntax statement) => statement.Statement switch
    {
        LocalDeclarationStatementSyntax local => local.Declaration.Variables.Select(v => v.Identifier.Text),
        ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: DeclarationExpressionSyntax or TupleExpressionSyntax } assignment } =>
            assignment.Left.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(v => v.Identifier.Text),
        LocalFunctionStatementSyntax function => [function.Identifier.Text],
        _ => [],
    };

    /// <summary>The fixed namespaces a reader's project has (implicit usings) plus every namespace with a public type in a Strata library.</summary>
    private static IEnumerable<string> FindUsings()
    {
        var compilation = CSharpCompilation.Create("usings", references: References.Value);
        var strata = References.Value
            .Where(r => Path.GetFileName(r.Display ?? "") is var name && name.StartsWith("Strata.", StringComparison.Ordinal)
                        && !name.StartsWith("Strata.Packaging", StringComparison.Ordinal) && !name.StartsWith("Strata.TestSupport", StringComparison.Ordinal))
            .Select(compilation.GetAssemblyOrModuleSymbol)
            .OfType<IAssemblySymbol>()
            .SelectMany(a => Namespaces(a.GlobalNamespace));
        return SnippetPrelude.Namespaces.Concat(strata).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Namespaces(INamespaceSymbol ns)
    {
        if (ns.GetTypeMembers().Any(t => t.DeclaredAccessibility == Accessibility.Public))
        {
            yield return ns.ToDisplayString();
        }

        foreach (var name in ns.GetNamespaceMembers().SelectMany(Namespaces))
        {
            yield return name;
        }
    }
}
