using System.Runtime.InteropServices;

namespace Strata.Sources;

/// <summary>
/// The fast path of <see cref="MigrationFileReader"/> on 64-bit Linux: four system calls per file (open, lseek to
/// learn the size, one pread of size + 1 bytes, close) through the C library's own functions, instead of the
/// managed API's ten (lstat and readlink while listing, then open, fstat, flock, fstat, pread, flock, close). A
/// read that returns exactly the size is the end of a regular file; anything unexpected (the C library cannot be
/// loaded, a call fails, the file grew meanwhile) returns false and the managed path reads the file, or raises the
/// proper exception, instead.
/// </summary>
internal static unsafe class NativeFileReader
{
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC on Linux
    private const int SeekEnd = 2;

    private static readonly Functions? Libc = Load();

    /// <summary>True when the fast path can run on this platform.</summary>
    internal static bool Available => Libc is not null;

    public static bool TryRead(string path, long inMemoryLimit, out FileContent content)
    {
        content = default;
        if (Libc is not { } libc)
        {
            return false;
        }

        var fd = Open(libc, path);
        if (fd < 0)
        {
            return false;
        }

        try
        {
            var length = libc.LSeek(fd, 0, SeekEnd);
            if (length < 0 || length >= Array.MaxLength)
            {
                return false;
            }

            if (length > inMemoryLimit)
            {
                content = new FileContent(length, null);
                return true;
            }

            var buffer = new byte[length + 1];
            nint read;
            fixed (byte* start = buffer)
            {
                read = libc.PRead(fd, start, (nuint)buffer.Length, 0);
            }

            if (read != length)
            {
                return false; // an error, a file that changed size since lseek, or a short read: let the managed path decide
            }

            content = new FileContent(length, buffer);
            return true;
        }
        finally
        {
            libc.Close(fd);
        }
    }

    private static int Open(Functions libc, string path)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(path);
        Span<byte> name = bytes < 1024 ? stackalloc byte[bytes + 1] : new byte[bytes + 1];
        System.Text.Encoding.UTF8.GetBytes(path, name);
        name[bytes] = 0;
        fixed (byte* pointer = name)
        {
            return libc.Open(pointer, ReadOnlyCloseOnExec);
        }
    }

    /// <summary>The C library's functions on 64-bit Linux (glibc or musl); null anywhere else or when they cannot be found.</summary>
    private static Functions? Load()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return null;
        }

        foreach (var name in new[] { "libc.so.6", "libc.musl-x86_64.so.1", "libc.musl-aarch64.so.1" })
        {
            if (NativeLibrary.TryLoad(name, out var library)
                && NativeLibrary.TryGetExport(library, "open", out var open)
                && NativeLibrary.TryGetExport(library, "lseek", out var lseek)
                && NativeLibrary.TryGetExport(library, "pread", out var pread)
                && NativeLibrary.TryGetExport(library, "close", out var close))
            {
                return new Functions(
                    (delegate* unmanaged<byte*, int, int>)open,
                    (delegate* unmanaged<int, long, int, long>)lseek,
                    (delegate* unmanaged<int, byte*, nuint, long, nint>)pread,
                    (delegate* unmanaged<int, int>)close);
            }
        }

        return null;
    }

    private sealed class Functions(
        delegate* unmanaged<byte*, int, int> open,
        delegate* unmanaged<int, long, int, long> lseek,
        delegate* unmanaged<int, byte*, nuint, long, nint> pread,
        delegate* unmanaged<int, int> close)
    {
        public int Open(byte* path, int flags) => open(path, flags);

        public long LSeek(int fd, long offset, int whence) => lseek(fd, offset, whence);

        public nint PRead(int fd, byte* buffer, nuint count, long offset) => pread(fd, buffer, count, offset);

        public int Close(int fd) => close(fd);
    }
}
