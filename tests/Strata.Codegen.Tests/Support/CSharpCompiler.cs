using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Strata.Codegen.Tests.Support;

/// <summary>
/// Compiles generated C# in-process with Roslyn the way a user's project would: latest language, nullable on, XML
/// docs checked, every warning an error, referencing what this test process has loaded (the framework, Npgsql,
/// Dapper, Microsoft.Data.Sqlite). Returns the loaded assembly, or fails the test with every diagnostic.
/// </summary>
internal static class CSharpCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p))]);

    public static Assembly Compile(string name, IEnumerable<GeneratedFile> files, params string[] extraSources)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Content, options, path: f.Path))
            .Concat(extraSources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"user{i}.cs")))
            .ToList();
        var compilation = CSharpCompilation.Create(
            name + "_" + Guid.NewGuid().ToString("N"),
            trees,
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999));
        using var assembly = new MemoryStream();
        using var documentation = new MemoryStream();
        var result = compilation.Emit(assembly, xmlDocumentationStream: documentation);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
        if (!result.Success || problems.Count > 0)
        {
            Assert.Fail("the generated C# does not compile cleanly:\n" + string.Join("\n", problems.Take(40).Select(d => d.ToString())));
        }

        assembly.Position = 0;
        return AssemblyLoadContext.Default.LoadFromStream(assembly);
    }
}
