using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Strata.PostgreSql.Tests;

public sealed class LockKeyTests
{
    [Fact]
    public void Key_is_the_first_eight_bytes_of_sha256_of_schema_and_table()
    {
        var expected = BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("strata:public.strata_migrations")));

        LockKey.Derive("public", "strata_migrations").ShouldBe(expected);
        LockKey.Derive("app", "strata_migrations").ShouldNotBe(expected);
    }

    [Theory]
    [InlineData(42L, 0u, 42u)]
    [InlineData(-1L, uint.MaxValue, uint.MaxValue)]
    [InlineData(0x1234_5678_9ABC_DEF0L, 0x1234_5678u, 0x9ABC_DEF0u)]
    public void Halves_match_how_pg_locks_shows_a_bigint_key(long key, uint classId, uint objectId) =>
        LockKey.Halves(key).ShouldBe((classId, objectId));
}
