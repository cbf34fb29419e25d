using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Reliability.Tests.Concurrency;

/// <summary>
/// The advisory lock key Strata derives for a history table, computed here independently (first 8 bytes, big-endian,
/// of SHA-256 over <c>strata:&lt;schema&gt;.&lt;table&gt;</c>): a psql session can hold it, and a change of the
/// derivation (which would let old and new runners migrate at once) fails the scenarios using it.
/// </summary>
public static class StrataLockKey
{
    /// <summary>The key of <c>public.strata_migrations</c>, the default history table.</summary>
    public static long Default => For("public", "strata_migrations");

    /// <summary>The key of <paramref name="schema"/>.<paramref name="table"/>.</summary>
    public static long For(string schema, string table) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("strata:" + schema + "." + table)));
}
