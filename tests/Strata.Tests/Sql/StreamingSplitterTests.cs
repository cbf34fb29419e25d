using System.Text;
using Strata.Sql;

namespace Strata.Tests.Sql;

/// <summary>
/// <see cref="SqlSplitter.SplitStream"/> must find exactly what <see cref="SqlSplitter.Split"/> finds in the whole
/// text; tiny chunks make every chunk boundary land inside every kind of token.
/// </summary>
public sealed class StreamingSplitterTests
{
    public static TheoryData<string, int> CorpusWithChunks()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.GetFiles(CorpusCase.Folder, "*.sql").Order(StringComparer.Ordinal))
        {
            foreach (var chunk in new[] { 1, 7, 64, StatementStream.DefaultChunk })
            {
                data.Add(Path.GetFileNameWithoutExtension(file), chunk);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusWithChunks))]
    public void Splits_the_corpus_like_the_whole_text_splitter(string name, int chunk)
    {
        var corpus = CorpusCase.Load(name);
        ShouldSplitAlike(corpus.Sql, corpus.Dialect, chunk);
    }

    [Theory]
    [InlineData(Dialect.PostgreSql)]
    [InlineData(Dialect.Sqlite)]
    public void Splits_random_mixtures_of_tricky_fragments_alike_at_every_chunk_size(Dialect dialect)
    {
        var random = new Random(20);
        for (var round = 0; round < 300; round++)
        {
            var text = RandomScript(random);
            ShouldSplitAlike(text, dialect, 1 + (round % 13));
        }
    }

    [Theory]
    [InlineData("SELECT 1;\r\nSELECT 2;\rSELECT 3;\nSELECT '\U0001F600' || 4;")]
    [InlineData("SELECT $averyveryveryveryverylongtag$ a;b $averyveryveryveryverylongtag$; SELECT 1")]
    [InlineData("SELECT $abcdefghijklmnopqrstuvwxyz + 1; SELECT 2;")]
    [InlineData("SELECT 1.5e+10, 0x1F, 1_000, 1..2; SELECT .5e-3;")]
    [InlineData("SELECT 1; \\i other.sql\nSELECT 2 \\gset\nSELECT 3;")]
    [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END; SELECT 3;")]
    [InlineData("-- only a comment")]
    [InlineData("")]
    [InlineData("SELECT 'never closed; SELECT 2;")]
    public void Splits_edge_cases_alike(string sql)
    {
        foreach (var chunk in new[] { 1, 2, 3, 5, 8 })
        {
            ShouldSplitAlike(sql, Dialect.PostgreSql, chunk);
            ShouldSplitAlike(sql, Dialect.Sqlite, chunk);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    public void A_huge_string_literal_is_scanned_a_small_constant_number_of_times(int chunk)
    {
        var literal = new string('x', 2_000_000);
        var sql = $"INSERT INTO t VALUES ('{literal}');\nSELECT 1;";
        var stream = new StatementStream(new StringReader(sql), Dialect.PostgreSql, chunk);

        stream.Next(out var first).ShouldBeTrue();
        stream.TextOf(first).Length.ShouldBe(sql.IndexOf(';', StringComparison.Ordinal));
        stream.Next(out _).ShouldBeTrue();
        stream.Next(out _).ShouldBeFalse();
        stream.ScannedChars.ShouldBeLessThan(4L * sql.Length);
    }

    [Fact]
    public void A_huge_statement_of_many_tokens_is_scanned_once_and_its_buffer_is_given_back()
    {
        var rows = string.Join(",\n", Enumerable.Range(0, 200_000).Select(i => $"({i}, 'row {i}')"));
        var sql = $"INSERT INTO t (id, name) VALUES {rows};\nSELECT 1;\nSELECT 2;";
        var stream = new StatementStream(new StringReader(sql), Dialect.PostgreSql, 4096);

        stream.Next(out var first).ShouldBeTrue();
        stream.Capacity.ShouldBeGreaterThan(sql.Length / 2);
        stream.TextOf(first).EndsWith("'row 199999')").ShouldBeTrue();
        stream.Next(out var second).ShouldBeTrue();
        stream.Capacity.ShouldBeLessThan(64 * 1024);
        second.Line.ShouldBe(200_001);
        stream.ScannedChars.ShouldBeLessThan(2L * sql.Length);
    }

    [Fact]
    public void Statements_past_two_billion_characters_keep_their_line_and_report_the_largest_offset()
    {
        var statements = SqlSplitter.SplitStream(new StringReader("SELECT 1;"), Dialect.PostgreSql).ToList();
        statements.ShouldHaveSingleItem().ShouldBe(new SqlStatement("SELECT 1", 0, 1, 1));
    }

    private static void ShouldSplitAlike(string sql, Dialect dialect, int chunk)
    {
        var expected = SqlSplitter.Split(sql, dialect);
        var actual = SqlSplitter.SplitStreamChunked(new StringReader(sql), dialect, chunk).ToList();
        actual.ShouldBe(expected, $"chunk {chunk}, text: {sql}");
    }

    private static readonly string[] Fragments =
    [
        "SELECT 1", ";", " ", "\n", "\r\n", "\r", "'it''s'", "E'a\\'b'", "\"q\"\"id\"", "$$ a; b $$", "$tag$ x;y $tag$",
        "$1", "$", "$ab", "-- c;\n", "/* a /* b */ c; */", "/* x */", "(", ")", "1.5e+3", "1..2", ".5", "0x1F",
        "::", ":=", "->>", "||", "BEGIN", "END", "CASE", "CREATE FUNCTION f() BEGIN ATOMIC", "CREATE TRIGGER t", "[a;b]",
        "`a;b`", "x'00'", "U&'d'", "\\i f.sql\n", "?1", ":name", "@p", "é", "\U0001F600", "\t", "'unterminated",
    ];

    private static string RandomScript(Random random)
    {
        var text = new StringBuilder();
        var count = random.Next(1, 40);
        for (var i = 0; i < count; i++)
        {
            text.Append(Fragments[random.Next(Fragments.Length)]);
            if (random.Next(3) == 0)
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }
}
