using System.Globalization;

namespace Strata.Bench;

/// <summary>
/// What one harness run measures, parsed from the command line that bench/run.sh passes on.
/// Throws <see cref="ArgumentException"/> naming the option and the accepted form for bad input.
/// </summary>
internal sealed record BenchOptions
{
    public IReadOnlyList<int> Sizes { get; init; } = [100, 1000];

    public int Runs { get; init; } = 5;

    /// <summary>Databases in the fleet rows (<c>--fleet 200,1000</c>): a fleet run against a shell loop of the CLI.</summary>
    public IReadOnlyList<int> FleetSizes { get; init; } = [200];

    public bool Peers { get; init; }

    /// <summary>The size of the one large migration file whose apply and peak memory are measured (reliability R20: 300 MB).</summary>
    public int LargeFileMegabytes { get; init; } = 300;

    /// <summary>Words that a tool's or scenario's name must contain one of (e.g. <c>psql,dbmate</c>); empty for all.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    public required string RepositoryRoot { get; init; }

    public string ToolsDirectory => Path.Combine(RepositoryRoot, "bench", ".tools");

    public string ResultsDirectory => Path.Combine(RepositoryRoot, "bench", "results");

    public static BenchOptions Parse(IReadOnlyList<string> args, string repositoryRoot)
    {
        var options = new BenchOptions { RepositoryRoot = repositoryRoot };
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = ParseSizes(Value(args, ++i, "--sizes")) },
                "--fleet" => options with { FleetSizes = ParseSizes(Value(args, ++i, "--fleet")) },
                "--runs" => options with { Runs = ParseCount(Value(args, ++i, "--runs"), "--runs") },
                "--peers" => options with { Peers = true },
                "--large-file-mb" => options with { LargeFileMegabytes = ParseCount(Value(args, ++i, "--large-file-mb"), "--large-file-mb") },
                "--only" => options with { Only = Value(args, ++i, "--only").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'; use --sizes 100,1000 --fleet 200 --runs 5 --peers --large-file-mb 300 --only psql,strata"),
            };
        }

        return options;
    }

    /// <summary>Whether a tool or scenario named <paramref name="names"/> is selected by <see cref="Only"/>.</summary>
    public bool Selects(params string[] names) =>
        Only.Count == 0 || Only.Any(word => names.Any(name => name.Contains(word, StringComparison.OrdinalIgnoreCase)));

    private static string Value(IReadOnlyList<string> args, int index, string option) =>
        index < args.Count ? args[index] : throw new ArgumentException($"{option} needs a value, e.g. {option} 3");

    private static int[] ParseSizes(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => ParseCount(s, "--sizes"))];

    private static int ParseCount(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 100_000
            ? value
            : throw new ArgumentException($"{option}: '{text}' is not a whole number between 1 and 100000");
}
