using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Strata.PostgreSql;

/// <summary>The advisory lock key of a history table.</summary>
internal static class LockKey
{
    /// <summary>
    /// The first 8 bytes (big-endian) of SHA-256 over <c>strata:&lt;schema&gt;.&lt;table&gt;</c> (UTF-8): stable
    /// across versions and machines, distinct per history table. Advisory locks are already per database.
    /// </summary>
    public static long Derive(string schema, string table)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("strata:" + schema + "." + table));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    /// <summary>The two 32-bit halves under which <c>pg_locks</c> shows a bigint advisory key (<c>classid</c>, <c>objid</c>).</summary>
    public static (uint ClassId, uint ObjectId) Halves(long key) =>
        ((uint)((ulong)key >> 32), (uint)((ulong)key & 0xFFFF_FFFF));
}
