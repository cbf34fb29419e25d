using Strata.Configuration;
using Strata.Errors;
using Strata.TestSupport;

namespace Strata.Tests.Configuration;

/// <summary>R21: the canary password never appears in an exception message, a hint, a display name or ToString().</summary>
public sealed class CanaryTests
{
    private const string Base = "/work/project";

    [Theory]
    [MemberData(nameof(Canary.Seeds), MemberType = typeof(Canary))]
    public void An_encoded_canary_parses_and_shows_nowhere(int seed)
    {
        var canary = Canary.Make(seed);

        var target = DatabaseUrl.Parse($"postgres://app:{Uri.EscapeDataString(canary)}@db.example.com:5432/shop?sslmode=require", Base, TestSupport.TestDialects.All);

        target.Password.ShouldBe(canary);
        ConnectionKeywords.Of(target)["Password"].ShouldBe(canary);
        target.DisplayName.ShouldNotLeak(canary);
        target.ToString().ShouldNotLeak(canary);
    }

    [Theory]
    [MemberData(nameof(Canary.Seeds), MemberType = typeof(Canary))]
    public void Unencoded_and_misplaced_canaries_never_reach_a_message(int seed)
    {
        var canary = Canary.Make(seed);
        string[] values =
        [
            $"postgres://app:{canary}@db.example.com:5432/shop",
            $"postgres://app:{canary}@db.example.com:5432/shop?sslmode=require&application_name=x",
            $"postgresql://{canary}@db.example.com/shop",
            $"postgres://app:{canary}@db.example.com:notaport/shop",
            $"postgres://app:{canary}@[::1/shop",
            $"postgres://db.example.com/shop?password={canary}",
            $"postgres://db.example.com/shop?{canary}",
            $"mysql://app:{canary}@db.example.com/shop",
            $"app:{canary}@db.example.com/shop",
            $"Host=db.example.com;Username=app;Password={canary}",
            $"host=db.example.com user=app password={canary}",
            canary,
        ];

        foreach (var value in values)
        {
            try
            {
                var target = DatabaseUrl.Parse(value, Base, TestSupport.TestDialects.All);
                target.DisplayName.ShouldNotLeak(canary);
                target.ToString().ShouldNotLeak(canary);
            }
            catch (ConfigurationException e)
            {
                e.ShouldNotLeak(canary);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Canary.Seeds), MemberType = typeof(Canary))]
    public void Correctly_quoted_keyword_strings_carry_the_canary_intact(int seed)
    {
        var canary = Canary.Make(seed);
        var npgsql = $"Host=h;Username=app;Password=\"{canary.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        var libpq = $"host=h user=app password='{canary.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'";

        foreach (var value in new[] { npgsql, libpq })
        {
            var target = DatabaseUrl.Parse(value, Base, TestSupport.TestDialects.All);
            target.Password.ShouldBe(canary);
            target.DisplayName.ShouldNotLeak(canary);
        }
    }

    [Theory]
    [MemberData(nameof(Canary.Seeds), MemberType = typeof(Canary))]
    public void Resolved_settings_and_overrides_never_show_the_canary(int seed)
    {
        var canary = Canary.Make(seed);
        using var folder = new TempFolder();
        var url = $"postgres://app:{Uri.EscapeDataString(canary)}@db.example.com/shop";

        var settings = ConfigurationResolver.Resolve(new ConfigurationOverrides(Database: url), new Dictionary<string, string>(), folder.Path, TestSupport.TestDialects.All);

        settings.Database!.Password.ShouldBe(canary);
        settings.ToString().ShouldNotLeak(canary);
        string.Join("\n", settings.Warnings).ShouldNotLeak(canary);
        string.Join("\n", settings.Origins).ShouldNotLeak(canary);
        new ConfigurationOverrides(Database: url).ToString().ShouldNotLeak(canary);
        new ConfigurationOverrides(Database: $"postgres://app:{canary}@h/db").ToString().ShouldNotLeak(canary);
    }

    [Theory]
    [MemberData(nameof(Canary.Seeds), MemberType = typeof(Canary))]
    public void Configuration_files_with_a_broken_canary_report_without_it(int seed)
    {
        var canary = Canary.Make(seed);
        var cases = new List<Action<TempFolder>>
        {
            f => f.Write("strata.json", "{ \"database\": \"postgres://app:" + canary.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "@h/db\" }"),
            f => f.Write("strata.json", "{ \"database\": \"postgres://app:" + canary + "@h/db\" }"),
            f => f.Write("strata.json", "{ \"database\": postgres://app:" + canary + "@h/db }"),
            f => f.Write("strata.json", "{ \"database\": \"${SECRET_URL}\" }"),
            f => f.Write(".env", "DATABASE_URL=postgres://app:" + canary + "@h/db\n"),
            f => f.Write(".env", "DATABASE_URL=\"" + canary + "\n"),
            f => f.Write(".env", canary + "\n"),
        };

        foreach (var arrange in cases)
        {
            using var folder = new TempFolder();
            arrange(folder);
            var environment = new Dictionary<string, string> { ["SECRET_URL"] = "postgres://app:" + canary + "@h/db" };
            try
            {
                var settings = ConfigurationResolver.Resolve(ConfigurationOverrides.None, environment, folder.Path, TestSupport.TestDialects.All);
                settings.ToString().ShouldNotLeak(canary);
                settings.Database?.DisplayName.ShouldNotLeak(canary);
            }
            catch (ConfigurationException e)
            {
                e.ShouldNotLeak(canary);
            }
        }
    }

    [Fact]
    public void No_database_error_and_settings_are_canary_free_when_the_password_comes_from_variables()
    {
        var canary = Canary.Make(99);
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = "db.example.com",
            ["PGPASSWORD"] = canary,
            ["PGUSER"] = "app",
        };

        var settings = ConfigurationResolver.Resolve(ConfigurationOverrides.None, environment, folder.Path, TestSupport.TestDialects.All);

        settings.Database!.Password.ShouldBe(canary);
        settings.ToString().ShouldNotLeak(canary);
        string.Join("\n", settings.Warnings).ShouldNotLeak(canary);
    }
}
