using System.Text;

namespace Strata.Adoption;

/// <summary>
/// Flyway's checksum of a SQL migration (flyway-core ChecksumCalculator): CRC32 over the UTF-8 bytes of each line
/// without its line ending (a leading BOM removed), as a signed 32-bit number.
/// </summary>
internal static class FlywayChecksum
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    public static int Compute(byte[] file)
    {
        var text = Encoding.UTF8.GetString(file).TrimStart('\uFEFF');
        var crc = 0xFFFFFFFFu;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            foreach (var b in Encoding.UTF8.GetBytes(line))
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }
        }

        return unchecked((int)(crc ^ 0xFFFFFFFFu));
    }
}
