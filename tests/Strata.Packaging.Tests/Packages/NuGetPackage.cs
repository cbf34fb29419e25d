using System.IO.Compression;
using System.Xml.Linq;

namespace Strata.Packaging.Tests.Packages;

/// <summary>A .nupkg opened as the zip it is: its file list, its nuspec and the text of any entry.</summary>
internal sealed class NuGetPackage
{
    private readonly string _path;

    private NuGetPackage(string path, IReadOnlyList<string> files, XElement metadata)
    {
        _path = path;
        Files = files;
        Metadata = metadata;
    }

    /// <summary>Every entry's path inside the package, with forward slashes.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The nuspec's <c>metadata</c> element (names without their namespace).</summary>
    public XElement Metadata { get; }

    /// <summary>Opens a package; throws naming the folder's contents when the file is not there.</summary>
    public static NuGetPackage Open(string path)
    {
        if (!File.Exists(path))
        {
            var folder = Path.GetDirectoryName(path)!;
            var present = Directory.Exists(folder) ? string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName)) : "(no folder)";
            throw new FileNotFoundException($"{path} was not produced by dotnet pack; the folder holds: {present}");
        }

        using var zip = ZipFile.OpenRead(path);
        var files = zip.Entries.Select(e => e.FullName).ToList();
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var metadata = WithoutNamespaces(XDocument.Load(stream).Root!).Element("metadata")!;
        return new NuGetPackage(path, files, metadata);
    }

    /// <summary>A metadata element's text (<c>id</c>, <c>version</c>, <c>readme</c>...), or null when absent.</summary>
    public string? Value(string element) => Metadata.Element(element)?.Value;

    /// <summary>The dependencies of every group, as <c>id version</c>, sorted.</summary>
    public IReadOnlyList<string> Dependencies() =>
        Metadata.Descendants("dependency")
            .Select(d => $"{(string)d.Attribute("id")!} {(string)d.Attribute("version")!}")
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The text of one entry.</summary>
    public string ReadText(string entry)
    {
        using var zip = ZipFile.OpenRead(_path);
        var found = zip.GetEntry(entry) ?? throw new FileNotFoundException($"{Path.GetFileName(_path)} has no entry {entry}; it holds: {string.Join(", ", Files)}");
        using var reader = new StreamReader(found.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The first <paramref name="count"/> bytes of one entry (fewer when it is shorter).</summary>
    public byte[] ReadBytes(string entry, int count)
    {
        using var zip = ZipFile.OpenRead(_path);
        var found = zip.GetEntry(entry) ?? throw new FileNotFoundException($"{Path.GetFileName(_path)} has no entry {entry}; it holds: {string.Join(", ", Files)}");
        using var stream = found.Open();
        var buffer = new byte[count];
        var read = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return buffer[..read];
    }

    private static XElement WithoutNamespaces(XElement element) =>
        new(element.Name.LocalName,
            element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a.Name.LocalName, a.Value)),
            element.Nodes().Select(n => n is XElement child ? WithoutNamespaces(child) : n));
}
