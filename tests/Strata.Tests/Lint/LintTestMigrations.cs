using Strata.Lint;
using Strata.Sources;

namespace Strata.Tests.Lint;

/// <summary>Builds migration folders in memory for the linter tests.</summary>
internal static class LintTestMigrations
{
    /// <summary>Versioned migrations 1, 2, … of the given up scripts (each with a down script), in order.</summary>
    public static List<Migration> Folder(params string[] ups) =>
        [.. ups.Select((sql, i) => Migration(i + 1, sql))];

    public static Migration Migration(int version, string sql, bool transactional = true) => new()
    {
        Version = version,
        Name = "m" + version,
        Kind = MigrationKind.Versioned,
        Checksum = "x",
        SourcePath = $"migrations/{version:D3}_m{version}.sql",
        Up = new SqlScript(sql, $"migrations/{version:D3}_m{version}.sql", 1, transactional),
        Down = new SqlScript("SELECT 1;", $"migrations/{version:D3}_m{version}.sql", 10, transactional),
    };

    /// <summary>The rule ids the linter reports for <paramref name="folder"/>, each as <c>version:rule</c>.</summary>
    public static List<string> Found(IReadOnlyList<Migration> folder, LintSelection? selection = null, LintOptions? options = null) =>
        [.. new Linter(options).Lint(folder, selection ?? LintSelection.Everything).Findings.Select(f => $"{f.File[11..14].TrimStart('0')}:{f.Rule.Id}")];
}
