using System.Text;
using Strata.Configuration;

namespace Strata.Tests.Configuration;

public sealed class RedactingTextWriterTests
{
    private const string Secret = "s3cr3t-Pa55word";

    [Fact]
    public void Masks_a_secret_written_one_character_at_a_time()
    {
        var (writer, output) = Create();

        foreach (var c in "password=" + Secret + "\n")
        {
            writer.Write(c);
        }

        output.ToString().ShouldBe("password=***\n");
    }

    [Fact]
    public void Masks_a_secret_split_across_writes_and_emits_on_flush()
    {
        var (writer, output) = Create();

        writer.Write("connecting with s3cr");
        writer.Write("3t-Pa");
        output.ToString().ShouldBeEmpty();
        writer.Write("55word to db");
        writer.Flush();

        output.ToString().ShouldBe("connecting with *** to db");
    }

    [Fact]
    public void Emits_complete_lines_at_once_and_holds_the_rest()
    {
        var (writer, output) = Create();

        writer.WriteLine("line one");
        writer.Write("partial " + Secret[..4]);

        output.ToString().ShouldBe("line one" + Environment.NewLine);
        writer.Write(Secret[4..]);
        writer.WriteLine();
        output.ToString().ShouldBe("line one" + Environment.NewLine + "partial ***" + Environment.NewLine);
    }

    [Fact]
    public void Dispose_emits_what_is_held_and_respects_leave_open()
    {
        var output = new StringWriter();
        var redactor = new Redactor();
        redactor.Add(Secret);

        using (var writer = new RedactingTextWriter(output, redactor, leaveOpen: true))
        {
            writer.Write("tail " + Secret);
        }

        output.ToString().ShouldBe("tail ***");
        output.Write("still open");
        output.ToString().ShouldEndWith("still open");
    }

    [Fact]
    public void Disposing_without_leave_open_disposes_the_inner_writer()
    {
        var inner = new DisposalTrackingWriter();
        var writer = new RedactingTextWriter(inner, new Redactor());

        writer.Dispose();

        inner.Disposed.ShouldBeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8000)]
    [InlineData(8190)]
    [InlineData(8200)]
    [InlineData(20000)]
    public void Releases_long_lines_in_pieces_without_cutting_a_secret(int offset)
    {
        var (writer, output) = Create();
        var text = new string('a', offset) + Secret + new string('b', 30000);

        foreach (var chunk in text.Chunk(1000))
        {
            writer.Write(chunk);
        }

        output.ToString().Length.ShouldBeGreaterThan(0);
        writer.Flush();
        output.ToString().ShouldBe(new string('a', offset) + "***" + new string('b', 30000));
    }

    [Fact]
    public void Masks_secrets_that_span_a_line_break()
    {
        var redactor = new Redactor();
        redactor.Add("multi\nline secret");
        var output = new StringWriter();
        var writer = new RedactingTextWriter(output, redactor);

        writer.Write("x multi\n");
        writer.Write("line secret y\n");
        writer.Flush();

        output.ToString().ShouldBe("x *** y\n");
    }

    [Fact]
    public void Masks_the_canary_in_json_written_through_it()
    {
        var canary = Canary.Make(3);
        var redactor = new Redactor();
        redactor.Add(canary);
        var output = new StringWriter();
        using var writer = new RedactingTextWriter(output, redactor);

        writer.Write(System.Text.Json.JsonSerializer.Serialize(new { message = "auth failed: " + canary }));
        writer.Flush();

        output.ToString().ShouldNotLeak(canary);
        output.ToString().ShouldContain("***");
    }

    [Fact]
    public void Serialises_concurrent_writers()
    {
        var (writer, output) = Create();

        Parallel.For(0, 100, i => writer.WriteLine($"{i:D3} {Secret}"));
        writer.Flush();

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(100);
        lines.ShouldAllBe(l => l.EndsWith(" ***", StringComparison.Ordinal));
    }

    [Fact]
    public void Uses_the_inner_writers_encoding()
    {
        var (writer, _) = Create();

        writer.Encoding.ShouldBe(new StringWriter().Encoding);
        writer.Encoding.ShouldBeOfType<UnicodeEncoding>();
    }

    private static (RedactingTextWriter Writer, StringWriter Output) Create()
    {
        var redactor = new Redactor();
        redactor.Add(Secret);
        var output = new StringWriter();
        return (new RedactingTextWriter(output, redactor), output);
    }

    private sealed class DisposalTrackingWriter : StringWriter
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
