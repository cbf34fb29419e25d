namespace Strata.Lint;

/// <summary>
/// Which migrations of a folder a lint run reports, and which of them form the release being checked. The linter
/// reads every migration given, in order, to know the functions and tables they create; only the reported ones get
/// findings.
/// </summary>
public sealed record LintSelection
{
    /// <summary>The <see cref="Sources.Migration.SourcePath"/>s to report; null reports every migration.</summary>
    public IReadOnlySet<string>? Report { get; init; }

    /// <summary>
    /// The <see cref="Sources.Migration.SourcePath"/>s of the release being checked (the pending migrations, or the files
    /// added since a git revision); everything before them is the previous release, which the running application
    /// uses. Objects the release creates are new: changing or dropping them breaks nothing. Null: nothing is known of
    /// releases, and each migration is its own.
    /// </summary>
    public IReadOnlySet<string>? Release { get; init; }

    /// <summary>Every migration reported, each its own release.</summary>
    public static LintSelection Everything { get; } = new();
}
