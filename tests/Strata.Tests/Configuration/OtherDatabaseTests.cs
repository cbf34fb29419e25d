using Strata.Configuration;
using Strata.Errors;

namespace Strata.Tests.Configuration;

public sealed class OtherDatabaseTests
{
    [Fact]
    public void An_environment_name_resolves_its_database_with_variables_expanded()
    {
        using var folder = new TempFolder();
        folder.Write("strata.json", """{ "database": "postgres://dev@localhost/dev", "environments": { "production": { "database": "postgres://app:${PROD_PASSWORD}@db.example.com/shop" } } }""");

        var target = OtherDatabase.Resolve("production", "--against", ConfigurationOverrides.None, Variables(("PROD_PASSWORD", "s3cret")), folder.Path, TestSupport.TestDialects.All, out var environment);

        environment.ShouldBe("production");
        target.DisplayName.ShouldBe("postgres://app@db.example.com:5432/shop");
        target.Password.ShouldBe("s3cret");
    }

    [Fact]
    public void A_url_resolves_as_given_and_takes_pgpassword_when_it_has_no_password()
    {
        using var folder = new TempFolder();

        var target = OtherDatabase.Resolve("postgres://reader@replica:6432/shop", "--against", ConfigurationOverrides.None, Variables(("PGPASSWORD", "pw")), folder.Path, TestSupport.TestDialects.All, out var environment);

        environment.ShouldBeNull();
        target.DisplayName.ShouldBe("postgres://reader@replica:6432/shop");
        target.Password.ShouldBe("pw");
    }

    [Fact]
    public void An_unknown_name_lists_the_declared_environments_and_one_without_a_database_says_so()
    {
        using var folder = new TempFolder();
        folder.Write("strata.json", """{ "environments": { "staging": { "protected": true }, "production": {} } }""");

        var unknown = Should.Throw<ConfigurationException>(() => OtherDatabase.Resolve("prod", "--against", ConfigurationOverrides.None, Variables(), folder.Path, TestSupport.TestDialects.All, out _));
        var empty = Should.Throw<ConfigurationException>(() => OtherDatabase.Resolve("staging", "--against", ConfigurationOverrides.None, Variables(), folder.Path, TestSupport.TestDialects.All, out _));

        unknown.Message.ShouldBe("--against 'prod' is neither a database URL nor an environment declared in strata.json");
        unknown.Hint!.ShouldStartWith("declared environments: production, staging");
        empty.Message.ShouldContain("the environment 'staging' in ");
        empty.Message.ShouldEndWith("has no \"database\"");
    }

    private static Dictionary<string, string> Variables(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
