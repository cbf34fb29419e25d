using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Strata.Errors;

namespace Strata.Hosting.Tests.Hosting;

/// <summary>The <c>Strata</c> configuration section and the errors of a missing or wrong setup.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly SqliteApp _app = new();

    public ConfigurationTests() => _app.Write("001_create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");

    [Fact]
    public async Task Configuration_values_win_over_the_code()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Strata:LockTimeout"] = "90",
            ["Strata:Environment"] = "qa",
            ["Strata:HealthCacheDuration"] = "00:00:02",
        };
        var (host, logs) = _app.Build(s => s.Environment = "ignored", settings);
        using (host)
        {
            await host.StartAsync();
            var runtime = host.Services.GetRequiredService<StrataRuntime>();
            await host.StopAsync();

            runtime.Options.LockTimeout.ShouldBe(TimeSpan.FromSeconds(90));
            runtime.Options.HealthCacheDuration.ShouldBe(TimeSpan.FromSeconds(2));
            runtime.Environment.ShouldBe("qa");
        }

        logs.Strata[0].Message.ShouldEndWith("(environment qa)");
    }

    [Theory]
    [InlineData("UnavailablePolicy", "Sometimes", "FailStartup or WarnAndContinue")]
    [InlineData("UnavailablePolicy", "1", "FailStartup or WarnAndContinue")]
    [InlineData("MigrateOnStartup", "yes", "true or false")]
    [InlineData("LockTimeout", "-5", "seconds (60)")]
    public async Task A_value_that_cannot_be_read_stops_start_up_naming_the_key_and_the_values_allowed(string key, string value, string allowed)
    {
        var (host, logs) = _app.Build(settings: new Dictionary<string, string?> { ["Strata:" + key] = value });
        using (host)
        {
            var error = await Should.ThrowAsync<ConfigurationException>(() => host.StartAsync());
            error.Message.ShouldBe($"the configuration value Strata:{key} is not valid");
            error.Hint!.ShouldContain(allowed);
            error.Hint!.ShouldContain("Strata__" + key);
        }

        logs.Strata.Single(e => e.Level == LogLevel.Critical).EventId.ShouldBe(18);
        (await _app.TableExistsAsync("items")).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_UseDatabase_start_up_says_which_call_is_missing()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddStrata(strata => strata.AddFolder(_app.Migrations));
        using var host = builder.Build();

        var error = await Should.ThrowAsync<ConfigurationException>(() => host.StartAsync());
        error.Message.ShouldBe("Strata has no database");
        error.Hint!.ShouldContain("UseDatabase(");
    }

    [Fact]
    public async Task Without_a_source_start_up_says_how_to_add_one()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddStrata(strata => strata.UseDatabase(new Sqlite.SqliteDialect(_app.DatabasePath)));
        using var host = builder.Build();

        var error = await Should.ThrowAsync<ConfigurationException>(() => host.StartAsync());
        error.Hint!.ShouldContain("AddFolder(\"migrations\")");
    }

    [Fact]
    public async Task A_migrations_folder_that_is_not_there_stops_start_up_saying_how_to_ship_it()
    {
        var missing = Path.Combine(_app.Migrations, "not-shipped");
        var (host, logs) = _app.Build(s => s.AddFolder(missing));
        using (host)
        {
            var error = await Should.ThrowAsync<ConfigurationException>(() => host.StartAsync());
            error.Message.ShouldBe($"the migrations folder '{missing}' does not exist");
            error.Hint!.ShouldContain("CopyToOutputDirectory");
        }

        logs.Strata.Single(e => e.Level == LogLevel.Critical).EventId.ShouldBe(18);
    }

    [Fact]
    public async Task A_relative_folder_is_found_next_to_the_application_not_in_the_working_directory()
    {
        var relative = Path.GetRelativePath(AppContext.BaseDirectory, _app.Migrations);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddStrata(strata => strata.UseDatabase(new Sqlite.SqliteDialect(_app.DatabasePath)).AddFolder(relative));
        using (var host = builder.Build())
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        (await _app.TableExistsAsync("items")).ShouldBeTrue();
    }

    public void Dispose() => _app.Dispose();
}
