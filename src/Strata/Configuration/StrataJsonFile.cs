using System.Text.Json;

namespace Strata.Configuration;

/// <summary>A loaded, validated <c>strata.json</c>: its absolute path, its folder (the base for its relative paths) and contents.</summary>
internal sealed class StrataJsonFile
{
    /// <summary>The file name looked for in the working directory.</summary>
    public const string FileName = "strata.json";

    private StrataJsonFile(string path, StrataJsonDocument document)
    {
        Path = path;
        Directory = System.IO.Path.GetDirectoryName(path) ?? path;
        Document = document;
    }

    /// <summary>The absolute path of the file.</summary>
    public string Path { get; }

    /// <summary>The folder holding the file; relative paths in it resolve against this.</summary>
    public string Directory { get; }

    /// <summary>The contents.</summary>
    public StrataJsonDocument Document { get; }

    /// <summary>Reads and validates <paramref name="path"/>; throws <see cref="Errors.ConfigurationException"/> with file:line:column.</summary>
    public static StrataJsonFile Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        StrataJsonValidator.Validate(bytes, path);
        try
        {
            var document = JsonSerializer.Deserialize(bytes, StrataJsonContext.Default.StrataJsonDocument) ?? new StrataJsonDocument();
            return new StrataJsonFile(path, document);
        }
        catch (JsonException e)
        {
            throw StrataJsonValidator.Malformed(e, path);
        }
    }

    /// <summary>The section of <c>environments</c> named <paramref name="name"/>, or null.</summary>
    public StrataJsonEnvironment? EnvironmentSection(string name) =>
        Document.Environments is { } all && all.TryGetValue(name, out var section) ? section : null;
}
