namespace Strata.Codegen;

/// <summary>One generated file: its path relative to the project root (with <c>/</c>) and its full text (<c>\n</c> line ends).</summary>
/// <param name="Path">Where it goes, e.g. <c>src/Data/Public.g.cs</c> or <c>web/db.ts</c>.</param>
/// <param name="Content">The text to write, UTF-8 without a byte order mark.</param>
public sealed record GeneratedFile(string Path, string Content);
