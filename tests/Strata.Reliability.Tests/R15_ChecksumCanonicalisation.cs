using System.Text;
using Strata.Reliability.Tests.Integrity;
using Strata.Sources;

namespace Strata.Reliability.Tests;

/// <summary>
/// R15 — checksum canonicalisation: the same file saved with LF, CRLF, CR or a UTF-8 BOM has one checksum (the
/// SHA-256 of the LF text, computed here independently), a database migrated from the LF copy validates against
/// the other checkouts, and any other byte change alters the checksum.
/// </summary>
public sealed class R15_ChecksumCanonicalisation
{
    private const string Text = "-- 日本 Grüße 🚀: two tables\n"
        + "CREATE TABLE notes (id int, body text DEFAULT 'two  spaces;\ttab');\n"
        + "\n"
        + "INSERT INTO notes (id) VALUES (1);\n"
        + "CREATE TABLE café (naïve text DEFAULT 'é');\n"
        + "\n"
        + "-- strata:down\n"
        + "DROP TABLE café;\n"
        + "DROP TABLE notes;\n";

    [Fact]
    public void Lf_crlf_cr_and_bom_copies_have_the_checksum_of_the_lf_text()
    {
        var expected = Checksums.Of(Encoding.UTF8.GetBytes(Text));
        foreach (var (name, bytes) in LineEnds.Variants(Text))
        {
            ScriptDecoder.TryDecode(bytes, out var script, out var problem).ShouldBeTrue($"{name}: {problem}");
            script.Checksum.ShouldBe(expected, name);
            script.Text.ShouldBe(Text, $"{name}: the canonical text is the LF text");
        }
    }

    [Fact]
    public void Any_other_byte_change_alters_the_checksum()
    {
        var original = Decode(Encoding.UTF8.GetBytes(Text));
        var mutations = Mutations(Text).ToList();
        mutations.Count.ShouldBeGreaterThan(Text.Length * 3, "every position is replaced and deleted and gets insertions");
        foreach (var (what, bytes) in mutations)
        {
            Decode(bytes).ShouldNotBe(original, what);
        }
    }

    [Theory]
    [InlineData(Engine.PostgreSql)]
    [InlineData(Engine.Sqlite)]
    public async Task A_database_migrated_from_the_lf_copy_validates_against_every_other_checkout(Engine engine)
    {
        await using var scene = await Scene.CreateAsync(engine);
        var files = new Dictionary<string, string>
        {
            ["001_notes.sql"] = Text,
            ["002_more.sql"] = "CREATE TABLE more (id int);\n-- Ünïcödé\n\n-- strata:down\nDROP TABLE more;\n",
        };
        foreach (var (file, text) in files)
        {
            scene.Write(file, text);
        }

        var applied = await scene.RunAsync("migrate");
        applied.ExitCode.ShouldBe(0, applied.ToString());
        foreach (var (file, text) in files)
        {
            (await scene.Database.ChecksumAsync(long.Parse(file[..3], System.Globalization.CultureInfo.InvariantCulture)))
                .ShouldBe(Checksums.Of(Encoding.UTF8.GetBytes(text)), file);
        }

        // CI checks out CRLF, CR and BOM + CRLF; the full size every variant (the pure test above covers all always).
        var variants = ReliabilitySize.Full ? LineEnds.Variants(Text).Skip(1).Select(v => v.Name).ToList() : ["CRLF", "CR", "BOM + CRLF"];
        foreach (var variant in variants)
        {
            foreach (var (file, text) in files)
            {
                scene.WriteBytes(file, LineEnds.Variants(text).Single(v => v.Name == variant).Bytes);
            }

            var validate = await scene.RunAsync("validate");
            var migrate = await scene.RunAsync("migrate");
            validate.ExitCode.ShouldBe(0, $"{variant} checkout: validate\n{validate}");
            migrate.ExitCode.ShouldBe(0, $"{variant} checkout: migrate\n{migrate}");
            migrate.Stdout.ShouldContain("up to date", Case.Insensitive, variant);
        }

        scene.WriteBytes("001_notes.sql", LineEnds.Variants(Text.Replace("two  spaces", "two   spaces", StringComparison.Ordinal)).Single(v => v.Name == "BOM + CRLF").Bytes);
        var edited = await scene.RunAsync("validate");
        edited.ExitCode.ShouldBe(2, "a space more inside a literal is an edit, whatever the line ends\n" + edited);
        edited.Stderr.ShouldContain("migrations/001_notes.sql");
        (await scene.Database.HistoryVersionsAsync()).ShouldBe([1L, 2L]);
    }

    /// <summary>
    /// Every single-character replacement, deletion and insertion of the LF text, plus changes editors make silently
    /// (trailing spaces, a final newline more or less, a BOM inside the text, NFD for NFC, a no-break space).
    /// </summary>
    private static IEnumerable<(string What, byte[] Bytes)> Mutations(string text)
    {
        var utf8 = new UTF8Encoding(false);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]))
            {
                continue;
            }

            var other = text[i] == 'x' ? 'y' : 'x';
            yield return ($"replace index {i}", utf8.GetBytes(text[..i] + other + text[(i + 1)..]));
            yield return ($"delete index {i}", utf8.GetBytes(text[..i] + text[(i + 1)..]));
            yield return ($"insert a space at {i}", utf8.GetBytes(text[..i] + " " + text[i..]));
            if (text[i] != '\n')
            {
                // Before an LF a CR only makes a CRLF line end; anywhere else it is a line break more.
                yield return ($"insert a CR at {i} (a line break more)", utf8.GetBytes(text[..i] + "\r" + text[i..]));
            }
        }

        yield return ("trailing spaces", utf8.GetBytes(text.Replace(";\n", "; \n", StringComparison.Ordinal)));
        yield return ("no final newline", utf8.GetBytes(text.TrimEnd('\n')));
        yield return ("an extra final newline", utf8.GetBytes(text + "\n"));
        yield return ("a BOM inside the text", utf8.GetBytes(text.Replace("INSERT", "\uFEFFINSERT", StringComparison.Ordinal)));
        yield return ("NFD instead of NFC", utf8.GetBytes(text.Replace("é", "e\u0301", StringComparison.Ordinal)));
        yield return ("a no-break space", utf8.GetBytes(text.Replace("two  spaces", "two \u00A0spaces", StringComparison.Ordinal)));
        yield return ("a tab for spaces", utf8.GetBytes(text.Replace("two  spaces", "two\tspaces", StringComparison.Ordinal)));
    }

    private static string Decode(byte[] bytes) =>
        ScriptDecoder.TryDecode(bytes, out var script, out var problem) ? script.Checksum : throw new InvalidOperationException(problem);
}
