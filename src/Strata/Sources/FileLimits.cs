using System.Globalization;
using Strata.Sql;

namespace Strata.Sources;

/// <summary>
/// How a SQL file source treats large files: above <see cref="StreamingThreshold"/> bytes a file is streamed instead
/// of held in memory; above <see cref="MaxFileSize"/> (when set) it is refused before anything is read.
/// </summary>
/// <param name="StreamingThreshold">Files larger than this many bytes are streamed.</param>
/// <param name="MaxFileSize">Files larger than this many bytes are a problem; null for no limit.</param>
/// <param name="Chunk">Characters the streamed path reads at a time (tests use tiny chunks).</param>
internal sealed record FileLimits(long StreamingThreshold, long? MaxFileSize, int Chunk = StatementStream.DefaultChunk)
{
    /// <summary>The default streaming threshold: 8 MiB (a file's text takes about twice its size in memory).</summary>
    public const long DefaultStreamingThreshold = 8L * 1024 * 1024;

    /// <summary>Stream above 8 MiB, no size limit.</summary>
    public static readonly FileLimits Default = new(DefaultStreamingThreshold, null);

    /// <summary>The largest file read into memory: larger ones are streamed or, above the maximum size, refused unread.</summary>
    public long InMemoryLimit => MaxFileSize is { } max && max < StreamingThreshold ? max : StreamingThreshold;

    /// <summary>The problem for a file of <paramref name="length"/> bytes when that is over the limit, else null.</summary>
    public string? SizeProblem(long length) => MaxFileSize is { } max && length > max
        ? $"the file is {Size(length)}, more than the maximum file size of {Size(max)}; split it into smaller migrations, or raise the limit (--max-file-size, or MaxFileSize of the migration source)"
        : null;

    /// <summary>A byte count for people: <c>312.5 MB</c>, <c>900 bytes</c>.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };
}
