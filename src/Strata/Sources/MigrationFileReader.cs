using Microsoft.Win32.SafeHandles;

namespace Strata.Sources;

/// <summary>
/// Reads a migration file once, with as few system calls as the platform allows: on 64-bit Linux
/// <see cref="NativeFileReader"/> (open, lseek, pread, close: no stat and no advisory lock); elsewhere, or when that
/// path fails for any reason, the managed file API, which then raises the usual .NET exception for the problem.
/// </summary>
internal static class MigrationFileReader
{
    /// <summary>
    /// The file's size, and its bytes when it is at most <paramref name="inMemoryLimit"/> bytes (larger files are
    /// left unread for the streamed path, or refused as too large). Throws <see cref="IOException"/> or
    /// <see cref="UnauthorizedAccessException"/> when the file cannot be read.
    /// </summary>
    public static FileContent Read(string path, long inMemoryLimit) =>
        NativeFileReader.TryRead(path, inMemoryLimit, out var content) ? content : ReadManaged(path, inMemoryLimit);

    /// <summary>The portable path: open (with .NET's stat and shared advisory lock), size, read, close.</summary>
    internal static FileContent ReadManaged(string path, long inMemoryLimit)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length > inMemoryLimit)
        {
            return new FileContent(length, null);
        }

        var buffer = new byte[length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(read), read);
            if (n == 0)
            {
                break; // shrank since its size was read: what is there is the file
            }

            read += n;
        }

        return new FileContent(read, buffer);
    }
}
