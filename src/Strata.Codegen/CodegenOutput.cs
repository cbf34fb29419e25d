namespace Strata.Codegen;

/// <summary>
/// What <see cref="CodeGenerator.Generate"/> produced: the files (sorted by path), the schema hash their headers carry,
/// and warnings (types no mapping knows, generated as <c>string</c>). Write it with <see cref="CodegenFiles.WriteAsync"/>
/// or compare it with the files on disk with <see cref="CodegenFiles.Compare"/>.
/// </summary>
public sealed class CodegenOutput
{
    internal CodegenOutput(IEnumerable<GeneratedFile> files, string schemaHash, IEnumerable<string> warnings, IEnumerable<string> folders)
    {
        Files = [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];
        SchemaHash = schemaHash;
        Warnings = [.. warnings];
        Folders = [.. folders];
    }

    /// <summary>The generated files, by path.</summary>
    public IReadOnlyList<GeneratedFile> Files { get; }

    /// <summary>A hash of the part of the schema the files were generated from (16 hex digits); the same schema gives the same hash.</summary>
    public string SchemaHash { get; }

    /// <summary>One sentence per problem the user should know about; empty when there is none.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Folders (relative to the project root) that hold only generated C#: a <c>*.g.cs</c> file there with Strata's
    /// header that is not among <see cref="Files"/> any more (its table was dropped) is stale, and writing deletes it.
    /// </summary>
    public IReadOnlyList<string> Folders { get; }
}
