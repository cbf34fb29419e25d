using System.Text;
using Strata.Adoption;

namespace Strata.Tests.Adoption;

/// <summary>Issue 14 item 3: Flyway's checksum, to compare flyway_schema_history with the files before adopting.</summary>
public sealed class FlywayChecksumTests
{
    [Fact]
    public void Is_the_crc32_of_the_lines_as_a_signed_number()
    {
        // The CRC-32 check value of "123456789" is 0xCBF43926.
        FlywayChecksum.Compute(Encoding.UTF8.GetBytes("123456789\n")).ShouldBe(unchecked((int)0xCBF43926));
    }

    [Fact]
    public void Leaves_out_line_endings_and_a_byte_order_mark_as_flyway_does()
    {
        var plain = FlywayChecksum.Compute(Encoding.UTF8.GetBytes("1234\n56789"));

        FlywayChecksum.Compute(Encoding.UTF8.GetBytes("\uFEFF1234\r\n56789\r\n")).ShouldBe(plain);
        plain.ShouldBe(unchecked((int)0xCBF43926));
    }
}
