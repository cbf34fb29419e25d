namespace Strata.Sources;

/// <summary>
/// One file offered to <see cref="MigrationFileLoader"/> by a SQL file source: a file of a migrations folder or a
/// manifest resource of an assembly.
/// </summary>
/// <param name="Name">The file name the naming rules apply to (<c>001_init.sql</c>, <c>README.md</c>).</param>
/// <param name="DisplayPath">Where the file is, as shown in messages and stored as the migration's source path.</param>
/// <param name="ReadBytes">Reads the whole file; may throw <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>, reported as a problem of the file.</param>
/// <param name="Open">
/// Opens the file for reading from its start (the streamed path reads it while loading and again each time the
/// script runs); throws <see cref="IOException"/> when it is gone or has changed since it was listed.
/// </param>
/// <param name="Length">The size in bytes, which decides between the in-memory and the streamed path.</param>
internal sealed record MigrationFileEntry(string Name, string DisplayPath, Func<byte[]> ReadBytes, Func<Stream> Open, long Length);
