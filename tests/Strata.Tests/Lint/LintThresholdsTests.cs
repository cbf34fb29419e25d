using System.Text.Json;
using Strata.Errors;
using Strata.Lint;

namespace Strata.Tests.Lint;

public sealed class LintThresholdsTests
{
    [Theory]
    [InlineData(9_999, 1024, LintSeverity.Note)]
    [InlineData(10_000, 1024, LintSeverity.Warning)]
    [InlineData(10, 10L << 20, LintSeverity.Warning)]
    [InlineData(999_999, 1L << 29, LintSeverity.Warning)]
    [InlineData(1_000_000, 0, LintSeverity.Error)]
    [InlineData(5, 1L << 30, LintSeverity.Error)]
    public void Defaults_weigh_rows_and_bytes(long rows, long bytes, LintSeverity expected) =>
        LintThresholds.Default.Weigh(rows, bytes).ShouldBe(expected);

    [Fact]
    public void Strata_json_sets_rows_and_sizes_with_units_and_keeps_defaults_for_the_rest()
    {
        var thresholds = LintSettings.Thresholds(Lint("""{ "small": { "rows": 100 }, "large": { "rows": 1000, "size": "1.5 GB" } }"""), "strata.json");

        thresholds.ShouldBe(new LintThresholds(100, 10L << 20, 1000, 3L << 29));
        LintSettings.Thresholds(Lint("""{ "small": { "size": 4096 } }"""), null).SmallBytes.ShouldBe(4096);
        LintSettings.Thresholds(null, null).ShouldBe(LintThresholds.Default);
        LintSettings.Severities(Lint("""{ "small": { "rows": 1 }, "rules": { "rename": "error" } }"""), null)["rename"].ShouldBe(LintSeverity.Error);
    }

    [Theory]
    [InlineData("""{ "small": 5 }""", "\"lint.small\" must be an object")]
    [InlineData("""{ "small": { "rows": -1 } }""", "\"lint.small.rows\" must be a whole number")]
    [InlineData("""{ "large": { "size": "lots" } }""", "\"lint.large.size\" must be a size")]
    [InlineData("""{ "large": { "bytes": 5 } }""", "unknown key \"lint.large.bytes\"")]
    [InlineData("""{ "small": { "rows": 5000 }, "large": { "rows": 1000 } }""", "\"lint.small\" (5,000 rows, 10 MB) must not be above \"lint.large\" (1,000 rows, 1 GB)")]
    public void Malformed_thresholds_name_the_key(string section, string message)
    {
        var error = Should.Throw<ConfigurationException>(() => LintSettings.Thresholds(Lint(section), "/app/strata.json"));

        error.Message.ShouldStartWith("/app/strata.json: ");
        error.Message.ShouldContain(message);
    }

    [Theory]
    [InlineData(0, "0 bytes")]
    [InlineData(1, "1 byte")]
    [InlineData(8192, "8 kB")]
    [InlineData(360_448, "352 kB")]
    [InlineData(1_503_238_554, "1.4 GB")]
    public void Sizes_read_like_people_write_them(long bytes, string text) => LintThresholds.FormatBytes(bytes).ShouldBe(text);

    private static JsonElement Lint(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
