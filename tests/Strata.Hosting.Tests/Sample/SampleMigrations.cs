using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.TestSupport;

namespace Strata.Hosting.Tests.Sample;

/// <summary>Migration folders and output parsing shared by the sample's process tests.</summary>
public static partial class SampleMigrations
{
    /// <summary>
    /// The sample's SQL files plus <c>004_slow_step.sql</c>, which sleeps on the server before creating a table, so a
    /// test can watch what the app does while it migrates. Returns the folder (pass it as MIGRATIONS_PATH).
    /// </summary>
    public static string WithSlowStep(TempDirectory folder, double seconds)
    {
        var migrations = Directory.CreateDirectory(Path.Combine(folder.Path, "migrations")).FullName;
        foreach (var file in Directory.GetFiles(WebAppProcess.BuiltMigrations, "*.sql"))
        {
            File.Copy(file, Path.Combine(migrations, Path.GetFileName(file)));
        }

        File.WriteAllText(
            Path.Combine(migrations, "004_slow_step.sql"),
            $"SELECT pg_sleep({seconds.ToString(CultureInfo.InvariantCulture)});\nCREATE TABLE slow_step_done (id integer);\n");
        return migrations;
    }

    /// <summary>The migrations a process reported as applied, in order (<c>Strata.Migrations[6] Applied X in N ms</c>).</summary>
    public static IReadOnlyList<string> Applied(string output) =>
        AppliedLine().Matches(output).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The overall status and the Strata check's data of a <c>/health</c> body.</summary>
    public static (string Status, JsonElement Data) Health(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        return (root.GetProperty("status").GetString()!, root.GetProperty("checks").GetProperty("strata").GetProperty("data").Clone());
    }

    [GeneratedRegex(@"Strata\.Migrations\[6\] Applied (\S+) in \d+ ms")]
    private static partial Regex AppliedLine();
}
