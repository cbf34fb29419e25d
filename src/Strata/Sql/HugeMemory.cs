namespace Strata.Sql;

/// <summary>
/// Gives the memory of huge statements back to the system. Reading a 20 MB statement leaves some 100 MB of large
/// buffers behind (the buffer grows by doubling, and the statement's text is copied into its string); the garbage
/// collector would reuse that space eventually, but the process's peak memory would carry it into the next phase
/// (the load pass's buffers into execution, one statement's into the next one's). So when a
/// <see cref="TextWindow"/> gives back a huge buffer it says so here, and the streaming code calls
/// <see cref="CollectIfDropped"/> where no reference to the old buffer can remain: after a streamed file is loaded,
/// and after a huge statement's text has been copied, before it runs.
/// </summary>
internal static class HugeMemory
{
    private static int _dropped;

    /// <summary>Notes that a huge buffer became garbage.</summary>
    public static void Dropped() => Volatile.Write(ref _dropped, 1);

    /// <summary>A full, compacting collection that decommits freed memory, when a huge buffer became garbage since the last one.</summary>
    public static void CollectIfDropped()
    {
        if (Interlocked.Exchange(ref _dropped, 0) == 1)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}
