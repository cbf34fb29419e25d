namespace Strata.Sources;

/// <summary>
/// What reading a migration file gave: its size, and its bytes when it was small enough to hold in memory.
/// </summary>
/// <param name="Length">The size in bytes.</param>
/// <param name="Buffer">
/// Null when the file was larger than the caller's in-memory limit (nothing of it was read); otherwise its first
/// <paramref name="Length"/> bytes are the file (the array may be longer).
/// </param>
internal readonly record struct FileContent(long Length, byte[]? Buffer)
{
    /// <summary>The bytes of a file read whole.</summary>
    public static FileContent Of(byte[] bytes) => new(bytes.Length, bytes);

    /// <summary>The file's bytes; empty when it was not read.</summary>
    public ReadOnlySpan<byte> Bytes => Buffer is null ? default : Buffer.AsSpan(0, (int)Length);
}
