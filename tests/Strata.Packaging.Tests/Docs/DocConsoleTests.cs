namespace Strata.Packaging.Tests.Docs;

/// <summary>
/// "Every README and docs example does what it says", for the shell sessions marked <c>```console checked</c>: each
/// runs in an empty folder with this checkout's <c>strata</c>, and every command must print what the page shows
/// (dates, timestamp versions, durations and column padding aside; <c>…</c> for what the page cuts) and exit as it
/// says (<c># exit N</c>, else 0). The README's tour is one of them, so a changed message fails here, not in a
/// reader's terminal.
/// </summary>
public sealed class DocConsoleTests
{
    public static TheoryData<string> Blocks() =>
        [.. DocSnippet.Pages().SelectMany(DocConsoleBlock.Read).Select(block => block.Name)];

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_checked_console_block_prints_what_the_page_shows(string name)
    {
        var block = DocSnippet.Pages().SelectMany(DocConsoleBlock.Read).Single(b => b.Name == name);
        File.Exists(DocConsoleRunner.CliAssembly()).ShouldBeTrue($"{DocConsoleRunner.CliAssembly()} was not built");

        var results = DocConsoleRunner.Run(block);

        var failures = block.Steps.Zip(results).Select(pair => Difference(pair.First, pair.Second)).OfType<string>().ToList();
        failures.ShouldBeEmpty($"{name}:\n{string.Join("\n\n", failures)}");
    }

    [Fact]
    public void The_readme_tour_is_a_checked_console_block()
    {
        DocConsoleBlock.Read("README.md").ShouldNotBeEmpty();
    }

    [Fact]
    public void A_shown_output_matches_across_timings_dates_and_padding_and_cuts_with_an_ellipsis()
    {
        string[] shown = ["  ok 001_a    12 ms", "…", "Applied 2 migrations in … (batch 1).", "  001   a   applied   2026-12-06 03:18:56   1"];
        string[] printed = ["  ok 001_a 51 ms", "  ok 002_b 3 ms", "", "Applied 2 migrations in 0.4 s (batch 1).", "  001 a applied 2027-01-01 00:00:00 1"];

        DocOutput.Matches(DocOutput.Normalise(shown), DocOutput.Normalise(printed)).ShouldBeTrue();
        DocOutput.Matches(DocOutput.Normalise(shown), DocOutput.Normalise(printed.Append("one line more"))).ShouldBeFalse();
        DocOutput.Matches(DocOutput.Normalise(["Applied 2 migrations"]), DocOutput.Normalise(["Applied 3 migrations"])).ShouldBeFalse();
    }

    private static string? Difference(DocConsoleStep step, (string Output, int ExitCode) result)
    {
        var expected = DocOutput.Normalise(step.Expected);
        var actual = DocOutput.Normalise(result.Output.Split('\n'));
        if (DocOutput.Matches(expected, actual) && result.ExitCode == step.ExitCode)
        {
            return null;
        }

        return $"$ {step.Command}\n--- the page shows (exit {step.ExitCode}):\n{string.Join('\n', expected)}\n" +
            $"--- it printed (exit {result.ExitCode}):\n{string.Join('\n', actual)}";
    }
}
