using System.Text;
using Strata.Execution;
using Strata.Sources;
using Strata.Sql;

namespace Strata.Tests.Sources;

/// <summary>The pieces a streamed script is read through: the decoder, the section reader, and error locations.</summary>
public sealed class StreamedScriptTests
{
    private const string Text = "-- Ünïcödé 😀 header\r\nCREATE TABLE a (id int);\r\n\r\nSELECT 'ü😀', id\r\n  FROM a JOIN missing ON true;\rINSERT INTO a\nVALUES (1), (2);";

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(-1)]
    public void Error_locations_of_a_streamed_script_match_the_held_script(int? serverPosition)
    {
        var held = new SqlScript(Text, "m/1_x.sql", 7, transactional: true);
        var streamed = new SqlScript(() => new StringReader(Text), "m/1_x.sql", 7, transactional: true, statementCount: 3);

        foreach (var statement in SqlSplitter.Split(Text, Dialect.PostgreSql))
        {
            // -1: the statement's last character (servers never point past their statement).
            var position = serverPosition == -1 ? statement.Text.EnumerateRunes().Count() : serverPosition;
            ScriptFailure.Locate(streamed, statement, position).ShouldBe(ScriptFailure.Locate(held, statement, position));
        }
    }

    [Fact]
    public void A_streamed_location_shows_at_most_4096_characters_of_a_huge_line()
    {
        var line = "SELECT '" + new string('x', 10_000) + "';";
        var streamed = new SqlScript(() => new StringReader("SELECT 1;\n" + line), "m/1_x.sql", 1, transactional: true, statementCount: 2);
        var statement = SqlSplitter.Split("SELECT 1;\n" + line, Dialect.PostgreSql)[1];

        var location = ScriptFailure.Locate(streamed, statement, 3);

        (location.Line, location.Column).ShouldBe((2, 3));
        location.LineText.Length.ShouldBe(4097);
        location.LineText.ShouldStartWith("SELECT 'xxx");
        location.LineText.ShouldEndWith("…");
    }

    [Fact]
    public void Statements_and_preview_of_held_and_streamed_scripts()
    {
        var held = new SqlScript(Text, "m/1_x.sql", 1, transactional: true);
        var streamed = new SqlScript(() => new StringReader(Text), "m/1_x.sql", 1, transactional: true, statementCount: 3);

        streamed.Statements(Dialect.PostgreSql).ShouldBe(held.Statements(Dialect.PostgreSql));
        (held.IsStreamed, held.StatementCount, streamed.IsStreamed).ShouldBe((false, 0, true));
        held.Preview(10).ShouldBe(Text);
        streamed.Preview(60).ShouldBe(
            "-- m/1_x.sql is streamed (3 statements, too large to print): its first lines follow; it runs as written in the file\n"
            + "-- Ünïcödé 😀 header\r\nCREATE TABLE a (id int);\r\n\r\n"
            + "-- … the rest of m/1_x.sql is not shown\n");
        using var reader = held.OpenText();
        reader.ReadToEnd().ShouldBe(Text);
    }

    [Fact]
    public void The_decoder_yields_canonical_text_and_the_in_memory_checksum_across_chunk_boundaries()
    {
        // 64 KiB chunks: a CRLF and a four-byte character straddle the first boundary, a lone CR ends the file.
        var text = new string('a', 65_535) + "\r\n" + new string('b', 65_533) + "😀" + new string('c', 100) + "\r";
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[65_535].ShouldBe((byte)'\r');

        using var reader = new CanonicalTextReader(new MemoryStream([0xEF, 0xBB, 0xBF, .. bytes]));
        var canonical = ReadInPieces(reader, 1000);
        var checksum = reader.Finish(out var problem);

        problem.ShouldBeNull();
        canonical.ShouldBe(Checksum.Canonicalize(text));
        checksum.ShouldBe(Checksum.Compute(text));
        ScriptDecoder.TryDecode([0xEF, 0xBB, 0xBF, .. bytes], out var decoded, out _).ShouldBeTrue();
        checksum.ShouldBe(decoded!.Checksum);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, 4)]
    [InlineData(4, null)]
    [InlineData(5, null)]
    public void The_section_reader_keeps_whole_lines_and_their_own_line_ends_across_read_chunks(int first, int? end)
    {
        // Line ends straddle the reader's 32 K character chunks: a CRLF split in two, and a lone CR at a boundary.
        var lines = new[] { new string('a', 32_767) + "\r\n", new string('b', 32_766) + "\r", "c\n", "-- strata:down\r\n", "DROP TABLE t;" };
        var text = string.Concat(lines);
        var bytes = Encoding.UTF8.GetBytes(text);
        using var reader = new SectionTextReader(() => new MemoryStream(bytes), "m/1_x.sql", first, end);

        ReadInPieces(reader, 4096).ShouldBe(string.Concat(lines[(first - 1)..((end ?? 6) - 1)]));
    }

    private static string ReadInPieces(TextReader reader, int size)
    {
        var text = new StringBuilder();
        var buffer = new char[size];
        for (var read = reader.Read(buffer, 0, size); read > 0; read = reader.Read(buffer, 0, size))
        {
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
