using Strata.Configuration;
using Strata.Errors;

namespace Strata.Tests.Configuration;

public sealed class StrataJsonTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Reads_the_documented_shape_with_comments_and_trailing_commas()
    {
        _folder.Write("strata.json", """
            {
              "$schema": "https://example.com/strata.schema.json",
              // the local database
              "database": "sqlite:app.db",
              "migrations": "migrations",
              "schema": "schema.sql",
              "devDatabase": null,
              "history": { "table": "strata_migrations", "schema": null },
              "lockTimeout": 60,
              "environment": "development",
              "protected": false,
              "environments": {
                "development": { "database": null },
                "production": { "database": "postgres://prod/db", "migrations": "migrations", "protected": true },
              },
              "statementLockTimeout": 5,
              "statementTimeout": 0,
              "lockRetries": 3,
              "lockKey": 4242,
              "requireTls": false,
              "lint": {},
            }
            """);

        var settings = Resolve();

        settings.Database!.DisplayName.ShouldBe("sqlite:app.db");
        settings.ConfigFile.ShouldBe(_folder.Combine("strata.json"));
    }

    [Theory]
    [InlineData("{\n  \"databse\": \"sqlite:x.db\"\n}", 2, 3, "\"databse\" at the top level", "did you mean \"database\"?")]
    [InlineData("{\n  \"history\": {\n    \"tabel\": \"x\"\n  }\n}", 3, 5, "\"tabel\" in \"history\"", "did you mean \"table\"?")]
    [InlineData("{ \"environments\": {\n  \"production\": {\n      \"protect\": true } } }", 3, 7, "\"protect\" in \"environments.production\"", "did you mean \"protected\"?")]
    [InlineData("{ \"Database\": \"x.db\" }", 1, 3, "\"Database\" at the top level", "did you mean \"database\"?")]
    [InlineData("{ \"wholly_unrelated_setting\": 1 }", 1, 3, "\"wholly_unrelated_setting\" at the top level", "known properties here: $schema, database,")]
    [InlineData("{ \"schemaPath\": \"db.sql\" }", 1, 3, "\"schemaPath\" at the top level", "the nearest known property is \"schema\"; known properties here:")]
    public void Unknown_properties_are_errors_naming_the_property_file_and_line(string json, int line, int column, string what, string hint)
    {
        var path = _folder.Write("strata.json", json);

        var error = Should.Throw<ConfigurationException>(Resolve);

        error.Message.ShouldBe($"{path}:{line}:{column}: unknown property {what}");
        error.Hint.ShouldNotBeNull().ShouldContain(hint);
    }

    [Fact]
    public void Counts_columns_in_characters_after_multibyte_text()
    {
        var path = _folder.Write("strata.json", "{ \"lint\": \"ééé\", \"oops\": 1 }");

        Should.Throw<ConfigurationException>(Resolve).Message.ShouldStartWith($"{path}:1:18: unknown property \"oops\"");
    }

    [Theory]
    [InlineData("{ \"lockTimeout\": \"60\" }", "\"lockTimeout\" must be a number (seconds)")]
    [InlineData("{ \"migrations\": null }", "\"migrations\" must be a string")]
    [InlineData("{ \"history\": \"strata\" }", "\"history\" must be an object")]
    [InlineData("{ \"environments\": { \"production\": { \"protected\": \"yes\" } } }", "\"environments.production.protected\" must be true or false")]
    [InlineData("{ \"environments\": { \"production\": true } }", "\"environments.production\" must be an object")]
    [InlineData("{ \"database\": \"a.db\", \"database\": \"b.db\" }", "property \"database\" appears twice")]
    [InlineData("{ \"environments\": { \"bad name\": {} } }", "environment name \"bad name\"")]
    [InlineData("[1, 2]", "the file must contain one JSON object")]
    [InlineData("{ \"unmanaged\": \"cast *\" }", "\"unmanaged\" must be an array of strings")]
    [InlineData("{ \"unmanaged\": [\"cast *\", 3] }", "\"unmanaged\" must be an array of strings")]
    public void Wrong_types_and_duplicates_are_errors_with_a_position(string json, string expected)
    {
        var path = _folder.Write("strata.json", json);

        var error = Should.Throw<ConfigurationException>(Resolve);

        error.Message.ShouldStartWith(path + ":1:");
        error.Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("{\n  \"database\": \"x.db\"\n  \"migrations\": \"m\"\n}", 3, "malformed JSON")]
    [InlineData("{\n  \"database\": \"x.db\",\n", 3, "malformed JSON")]
    [InlineData("", 1, "malformed JSON")]
    [InlineData("{} {}", 1, "malformed JSON")]
    [InlineData("{ \"database\": tru }", 1, "malformed JSON")]
    public void Malformed_json_is_an_error_with_file_line_and_column(string json, int line, string expected)
    {
        var path = _folder.Write("strata.json", json);

        var error = Should.Throw<ConfigurationException>(Resolve);

        error.Message.ShouldStartWith($"{path}:{line}:");
        error.Message.ShouldContain(expected);
        error.Hint.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Unmanaged_patterns_are_read_from_strata_json()
    {
        _folder.Write("strata.json", "{ \"unmanaged\": [\"cast *\", \"foreign table legacy.*\"] }");

        Resolve().Unmanaged.ShouldBe(["cast *", "foreign table legacy.*"]);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        File.WriteAllBytes(Path.Combine(_folder.Path, "strata.json"), [0xEF, 0xBB, 0xBF, .. "{ \"database\": \"a.db\" }"u8]);

        Resolve().Database!.DisplayName.ShouldBe("sqlite:a.db");
    }

    [Fact]
    public void A_bad_database_value_names_the_file_and_property()
    {
        var path = _folder.Write("strata.json", """{ "environments": { "ci": { "database": "mysql://x/y" } } }""");

        var error = Should.Throw<ConfigurationException>(() =>
            ConfigurationResolver.Resolve(new ConfigurationOverrides(Environment: "ci"), new Dictionary<string, string>(), _folder.Path, TestSupport.TestDialects.All));

        error.Message.ShouldStartWith($"{path}: \"environments.ci.database\": ");
        error.Message.ShouldContain("'mysql'");
    }

    private StrataSettings Resolve() =>
        ConfigurationResolver.Resolve(ConfigurationOverrides.None, new Dictionary<string, string>(), _folder.Path, TestSupport.TestDialects.All);
}
