namespace Strata.Sources;

/// <summary>
/// Opens a migration file for the streamed path, which reads it while loading and again each time the script runs:
/// the first open notes its size and modification time, and later opens refuse a file that no longer matches, so a
/// migration never runs other text than the text that was checksummed.
/// </summary>
internal static class UnchangedFile
{
    /// <summary>An opener for <paramref name="path"/>; the streams it returns read from the start, unbuffered (callers read large chunks).</summary>
    public static Func<Stream> Opener(string path)
    {
        (long Length, DateTime Written)? seen = null;
        var gate = new object();
        return () =>
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var now = (stream.Length, File.GetLastWriteTimeUtc(path));
            lock (gate)
            {
                seen ??= now;
                if (seen == now)
                {
                    return stream;
                }
            }

            stream.Dispose();
            throw new IOException("the file has changed since the migrations were loaded");
        };
    }
}
