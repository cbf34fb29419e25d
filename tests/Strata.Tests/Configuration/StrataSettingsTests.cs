using Strata.Configuration;
using Strata.Errors;

namespace Strata.Tests.Configuration;

public sealed class StrataSettingsTests
{
    [Fact]
    public void RequireDatabase_explains_every_way_to_configure_one()
    {
        var settings = new StrataSettings { MigrationsPath = "/p/migrations" };

        var error = Should.Throw<ConfigurationException>(settings.RequireDatabase);

        error.Message.ShouldBe("no database configured");
        error.Category.ShouldBe(ErrorCategory.BadInput);
        foreach (var way in new[] { "--database", "DATABASE_URL", "POSTGRES_HOST", "PGHOST", "DB_PATH", "strata.json", "\"database\"", "strata init" })
        {
            error.Hint.ShouldNotBeNull().ShouldContain(way);
        }
    }

    [Fact]
    public void RequireDatabase_returns_the_configured_target()
    {
        var target = new DatabaseTarget(Dialect.Sqlite, "/p/app.db", "sqlite:app.db", null);

        new StrataSettings { MigrationsPath = "/p/m", Database = target }.RequireDatabase().ShouldBeSameAs(target);
    }

    [Fact]
    public void Has_the_documented_defaults()
    {
        var settings = new StrataSettings { MigrationsPath = "/p/m" };

        settings.Environment.ShouldBe("development");
        settings.Protected.ShouldBeFalse();
        settings.LockTimeout.ShouldBe(TimeSpan.FromSeconds(60));
        settings.History.Table.ShouldBe("strata_migrations");
        settings.History.Schema.ShouldBeNull();
        settings.Warnings.ShouldBeEmpty();
        settings.Origins.ShouldBeEmpty();
    }

    [Fact]
    public void ToString_summarises_without_the_password()
    {
        var target = DatabaseUrl.Parse("postgres://app:hunter22@db.example.com/shop", "/p", TestSupport.TestDialects.All);
        var settings = new StrataSettings { MigrationsPath = "/p/m", Database = target, Environment = "production", EnvironmentIsExplicit = true, Protected = true };

        var text = settings.ToString();

        text.ShouldContain("database=postgres://app@db.example.com:5432/shop");
        text.ShouldContain("environment=production (protected)");
        text.ShouldContain("lockTimeout=60s");
        text.ShouldNotContain("hunter22");
    }
}
