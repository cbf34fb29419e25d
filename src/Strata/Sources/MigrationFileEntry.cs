namespace Strata.Sources;

/// <summary>
/// One file offered to <see cref="MigrationFileLoader"/> by a SQL file source: a file of a migrations folder or a
/// manifest resource of an assembly.
/// </summary>
/// <param name="Name">The file name the naming rules apply to (<c>001_init.sql</c>, <c>README.md</c>).</param>
/// <param name="DisplayPath">Where the file is, as shown in messages and stored as the migration's source path.</param>
/// <param name="Read">
/// Learns the file's size and reads it whole when it is at most the given number of bytes (the in-memory limit);
/// a larger file is left unread. May throw <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>,
/// reported as a problem of the file.
/// </param>
/// <param name="Open">
/// Opens the file for reading from its start (the streamed path reads it while loading and again each time the
/// script runs); throws <see cref="IOException"/> when it is gone or has changed since it was listed.
/// </param>
internal sealed record MigrationFileEntry(string Name, string DisplayPath, Func<long, FileContent> Read, Func<Stream> Open)
{
    /// <summary>An entry whose size is known up front and whose bytes come from <paramref name="readBytes"/>.</summary>
    public MigrationFileEntry(string name, string displayPath, Func<byte[]> readBytes, Func<Stream> open, long length)
        : this(name, displayPath, limit => length > limit ? new FileContent(length, null) : FileContent.Of(readBytes()), open)
    {
    }
}
