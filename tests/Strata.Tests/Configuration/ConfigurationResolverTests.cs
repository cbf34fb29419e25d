using Strata.Configuration;
using Strata.Errors;

namespace Strata.Tests.Configuration;

public sealed class ConfigurationResolverTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Defaults_apply_when_nothing_is_configured()
    {
        var settings = Resolve();

        settings.Database.ShouldBeNull();
        settings.Environment.ShouldBe("development");
        settings.MigrationsPath.ShouldBe(_folder.Combine("migrations"));
        settings.Protected.ShouldBeFalse();
        settings.History.ToString().ShouldBe("strata_migrations");
        settings.LockTimeout.ShouldBe(TimeSpan.FromSeconds(60));
        settings.SchemaFile.ShouldBeNull();
        settings.ConfigFile.ShouldBeNull();
        settings.Lint.ShouldBeNull();
        settings.Warnings.ShouldBeEmpty();
        Origin(settings, "database").ShouldBe("none");
        Should.Throw<ConfigurationException>(settings.RequireDatabase).Message.ShouldBe("no database configured");
    }

    [Fact]
    public void Environment_name_precedence_is_cli_then_strata_env_then_dotnet_then_node_env_then_dotenv_then_json_then_default()
    {
        _folder.Write("strata.json", """{ "environment": "staging" }""");
        _folder.Write(".env", "STRATA_ENV=test\n");
        _environment["STRATA_ENV"] = "ci";
        _environment["DOTNET_ENVIRONMENT"] = "Production";
        _environment["NODE_ENV"] = "qa";

        Resolve(new ConfigurationOverrides(Environment: "preview")).Environment.ShouldBe("preview");
        Resolve().Environment.ShouldBe("ci");
        _environment.Remove("STRATA_ENV");
        Resolve().Environment.ShouldBe("production");
        Origin(Resolve(), "environment").ShouldBe("DOTNET_ENVIRONMENT (environment)");
        _environment.Remove("DOTNET_ENVIRONMENT");
        _environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        Resolve().Environment.ShouldBe("staging");
        _environment.Remove("ASPNETCORE_ENVIRONMENT");
        Resolve().Environment.ShouldBe("qa");
        Resolve().EnvironmentIsExplicit.ShouldBeTrue();
        _environment.Clear();
        Resolve().Environment.ShouldBe("test");
        Origin(Resolve(), "environment").ShouldBe("STRATA_ENV (.env)");
        Resolve().EnvironmentIsExplicit.ShouldBeTrue();
        File.Delete(Path.Combine(_folder.Path, ".env"));
        Resolve().Environment.ShouldBe("staging");
        Resolve().EnvironmentIsExplicit.ShouldBeFalse("strata.json's environment is a default, not a declaration of where this runs");
        File.Delete(Path.Combine(_folder.Path, "strata.json"));
        Resolve().Environment.ShouldBe("development");
        Resolve().EnvironmentIsExplicit.ShouldBeFalse();
        Origin(Resolve(), "environment").ShouldBe("default (not set explicitly: -- strata:env migrations are skipped)");
    }

    [Fact]
    public void Node_env_in_the_process_environment_beats_strata_env_in_dotenv()
    {
        _folder.Write(".env", "STRATA_ENV=development\n");
        _environment["NODE_ENV"] = "production";

        Resolve().Environment.ShouldBe("production");
    }

    [Fact]
    public void Dotnet_and_aspnetcore_environments_that_disagree_are_an_error_naming_both()
    {
        _environment["DOTNET_ENVIRONMENT"] = "Production";
        _environment["ASPNETCORE_ENVIRONMENT"] = "Development";

        Should.Throw<ConfigurationException>(() => Resolve()).Message
            .ShouldBe("DOTNET_ENVIRONMENT and ASPNETCORE_ENVIRONMENT (environment) name different environments ('Production' and 'Development'); Strata will not pick one");
        _environment["ASPNETCORE_ENVIRONMENT"] = "production";
        Resolve().Environment.ShouldBe("production");
    }

    [Fact]
    public void A_dotnet_environment_takes_the_spelling_strata_json_declares()
    {
        _folder.Write("strata.json", """{ "environments": { "Production": { "protected": true } } }""");
        _environment["ASPNETCORE_ENVIRONMENT"] = "production";

        var settings = Resolve();

        settings.Environment.ShouldBe("Production");
        settings.Protected.ShouldBeTrue();
        settings.DeclaredEnvironments.ShouldBe(["Production"]);
    }

    [Fact]
    public void The_chosen_environment_section_overrides_the_top_level_but_not_variables()
    {
        _folder.Write("strata.json", """
            {
              "database": "sqlite:dev.db",
              "migrations": "db/migrations",
              "environments": {
                "development": {},
                "production": { "database": "${PROD_DATABASE_URL}", "migrations": "db/prod", "protected": true }
              }
            }
            """);
        _environment["PROD_DATABASE_URL"] = "postgres://app:pw@prod.example.com/shop?sslmode=verify-full";
        var production = new ConfigurationOverrides(Environment: "production");

        var settings = Resolve(production);

        settings.Database!.DisplayName.ShouldBe("postgres://app@prod.example.com:5432/shop");
        settings.Protected.ShouldBeTrue();
        settings.MigrationsPath.ShouldBe(_folder.Combine("db", "prod"));
        Origin(settings, "database").ShouldBe("strata.json environments.production.database");
        Origin(settings, "protected").ShouldBe("strata.json environments.production.protected");

        var development = Resolve();
        development.Database!.DisplayName.ShouldBe("sqlite:dev.db");
        development.Protected.ShouldBeFalse();
        development.MigrationsPath.ShouldBe(_folder.Combine("db", "migrations"));

        _environment["DATABASE_URL"] = "sqlite:override.db";
        Resolve(production).Database!.DisplayName.ShouldBe("sqlite:override.db");
        Resolve(production with { MigrationsPath = "cli" }).MigrationsPath.ShouldBe(_folder.Combine("cli"));
    }

    [Fact]
    public void An_undeclared_environment_is_an_error_listing_the_known_ones()
    {
        _folder.Write("strata.json", """{ "environments": { "production": {}, "development": {} } }""");

        var error = Should.Throw<ConfigurationException>(() => Resolve(new ConfigurationOverrides(Environment: "prodution")));

        error.Message.ShouldContain("'prodution'");
        error.Message.ShouldContain("--env");
        error.Hint.ShouldNotBeNull().ShouldContain("known environments: development, production");
    }

    [Fact]
    public void The_default_environment_need_not_be_declared()
    {
        _folder.Write("strata.json", """{ "environments": { "production": { "protected": true } } }""");

        Resolve().Environment.ShouldBe("development");
        Should.Throw<ConfigurationException>(() => Resolve(new ConfigurationOverrides(Environment: "bad name!")));
    }

    [Fact]
    public void An_undefined_variable_in_the_database_is_an_error_naming_it()
    {
        _folder.Write("strata.json", """{ "environments": { "production": { "database": "postgres://${DB_HOST}/shop" } } }""");

        var error = Should.Throw<ConfigurationException>(() => Resolve(new ConfigurationOverrides(Environment: "production")));

        error.Message.ShouldContain("${DB_HOST}");
        error.Message.ShouldContain("environments.production.database");
        error.Hint.ShouldNotBeNull().ShouldContain("DB_HOST");

        _folder.Write(".env", "DB_HOST=from-dotenv.example.com\n");
        Resolve(new ConfigurationOverrides(Environment: "production")).Database!.DisplayName.ShouldBe("postgres://from-dotenv.example.com:5432/shop");
    }

    [Fact]
    public void The_schema_key_names_a_file_or_folder_next_to_strata_json_and_defaults_to_schema_sql()
    {
        Resolve().SchemaPath.ShouldBe(_folder.Combine("schema.sql"));
        Origin(Resolve(), "schema").ShouldBe("default: schema.sql next to the working directory (not there yet)");
        _folder.Write("schema.sql", "CREATE TABLE t (id int);\n");
        Origin(Resolve(), "schema").ShouldBe("default: schema.sql next to the working directory");

        _folder.Write("config/strata.json", """{ "schema": "db" }""");
        var settings = Resolve(new ConfigurationOverrides(ConfigFile: "config/strata.json"));

        settings.SchemaPath.ShouldBe(_folder.Combine("config", "db"));
        settings.SchemaFile.ShouldBe(_folder.Combine("config", "db"));
        Origin(settings, "schema").ShouldBe("strata.json schema");
    }

    [Fact]
    public void Schema_file_is_the_older_spelling_with_a_warning_and_both_at_once_is_an_error()
    {
        _folder.Write("strata.json", """{ "schemaFile": "db.sql" }""");
        var older = Resolve();
        _folder.Write("strata.json", """{ "schema": "db", "schemaFile": "ignored.sql" }""");

        older.SchemaPath.ShouldBe(_folder.Combine("db.sql"));
        Origin(older, "schema").ShouldBe("strata.json schemaFile (older spelling of schema)");
        older.Warnings.ShouldContain($"{_folder.Combine("strata.json")}: \"schemaFile\" is the older spelling of \"schema\"; rename it");
        Should.Throw<ConfigurationException>(() => Resolve()).Message.ShouldEndWith("\"schema\" and \"schemaFile\" both name the desired schema");
    }

    [Fact]
    public void Paths_from_strata_json_resolve_against_its_folder_and_cli_paths_against_the_working_directory()
    {
        _folder.Write("config/strata.json", """{ "database": "sqlite:data/app.db", "migrations": "sql", "schema": "schema.sql" }""");
        var overrides = new ConfigurationOverrides(ConfigFile: "config/strata.json");

        var settings = Resolve(overrides);

        settings.ConfigFile.ShouldBe(_folder.Combine("config", "strata.json"));
        settings.Database!.ConnectionString.ShouldBe(_folder.Combine("config", "data", "app.db"));
        settings.MigrationsPath.ShouldBe(_folder.Combine("config", "sql"));
        settings.SchemaFile.ShouldBe(_folder.Combine("config", "schema.sql"));

        var fromCli = Resolve(overrides with { Database = "sqlite:cli.db", MigrationsPath = "m" });
        fromCli.Database!.ConnectionString.ShouldBe(_folder.Combine("cli.db"));
        fromCli.MigrationsPath.ShouldBe(_folder.Combine("m"));
    }

    [Fact]
    public void The_default_migrations_folder_sits_next_to_strata_json()
    {
        _folder.Write("config/strata.json", "{}");

        Resolve(new ConfigurationOverrides(ConfigFile: "config/strata.json")).MigrationsPath.ShouldBe(_folder.Combine("config", "migrations"));
    }

    [Fact]
    public void A_missing_config_file_is_an_error()
    {
        var error = Should.Throw<ConfigurationException>(() => Resolve(new ConfigurationOverrides(ConfigFile: "nope.json")));

        error.Message.ShouldContain(_folder.Combine("nope.json"));
        error.Message.ShouldContain("does not exist");
    }

    [Fact]
    public void History_and_lock_timeout_come_from_cli_then_json_then_defaults()
    {
        _folder.Write("strata.json", """{ "history": { "table": "schema_history", "schema": "ops" }, "lockTimeout": 12.5 }""");

        var fromJson = Resolve();
        fromJson.History.Table.ShouldBe("schema_history");
        fromJson.History.Schema.ShouldBe("ops");
        fromJson.LockTimeout.ShouldBe(TimeSpan.FromSeconds(12.5));

        var fromCli = Resolve(new ConfigurationOverrides(HistoryTable: "h", HistorySchema: "s", LockTimeout: TimeSpan.FromSeconds(3)));
        fromCli.History.ToString().ShouldBe("s.h");
        fromCli.LockTimeout.ShouldBe(TimeSpan.FromSeconds(3));
        Origin(fromCli, "lockTimeout").ShouldBe("command line");
    }

    [Fact]
    public void Rejects_bad_lock_timeouts_and_history_names()
    {
        Should.Throw<ConfigurationException>(() => Resolve(new ConfigurationOverrides(LockTimeout: TimeSpan.FromSeconds(-1))));
        Should.Throw<ConfigurationException>(() => Resolve(new ConfigurationOverrides(HistoryTable: "bad\u0001name")));
        _folder.Write("strata.json", """{ "lockTimeout": -5 }""");
        Should.Throw<ConfigurationException>(() => Resolve()).Message.ShouldContain("lockTimeout");
    }

    [Fact]
    public void Keeps_the_lint_section_unparsed_for_the_linter()
    {
        _folder.Write("strata.json", """{ "lint": { "rules": { "drop-table": "error" } } }""");

        var settings = Resolve();

        settings.Lint!.Value.GetProperty("rules").GetProperty("drop-table").GetString().ShouldBe("error");
        Origin(settings, "lint").ShouldBe("strata.json lint");
    }

    [Fact]
    public void A_codegen_section_is_accepted_and_kept_for_strata_codegen_which_checks_its_keys()
    {
        _folder.Write("strata.json", "{\n  \"codegen\": { \"csharp\": { \"namespace\": \"App.Db\" } }\n}");

        var settings = Resolve();

        settings.Codegen!.Value.GetProperty("csharp").GetProperty("namespace").GetString().ShouldBe("App.Db");
    }

    [Theory]
    [InlineData("x\"; DROP TABLE canary; --")]
    [InlineData("a.b.c")]
    public void Hostile_history_names_are_kept_literally_for_the_dialect_to_quote(string name)
    {
        _folder.Write("strata.json", "{ \"history\": { \"table\": " + System.Text.Json.JsonSerializer.Serialize(name) + " } }");

        Resolve().History.Table.ShouldBe(name);
    }

    [Fact]
    public void History_names_longer_than_postgres_allows_are_rejected()
    {
        var error = Should.Throw<ConfigurationException>(() => Resolve(new ConfigurationOverrides(HistoryTable: new string('t', 64))));

        error.Message.ShouldContain("longer than 57 bytes");
    }

    [Fact]
    public void Origins_name_every_setting()
    {
        var names = Resolve().Origins.Select(o => o.Setting).ToList();

        names.ShouldBe(["config", "environment", "database", "migrations", "devDatabase", "protected", "requireTls", "history.table", "history.schema", "lockTimeout", "statementLockTimeout", "statementTimeout", "lockRetries", "lockKey", "schema", "lint"]);
        Resolve().Origins[0].ToString().ShouldBe("config ← none (no strata.json in the working directory)");
    }

    [Fact]
    public void Statement_timeouts_retries_and_lock_key_come_from_the_command_line_over_strata_json_with_zero_meaning_none()
    {
        _folder.Write("strata.json", """{ "statementLockTimeout": 2, "statementTimeout": 0, "lockRetries": 5, "lockKey": 42 }""");

        var fromJson = Resolve();
        var fromCli = Resolve(new ConfigurationOverrides(StatementLockTimeout: TimeSpan.Zero, StatementTimeout: TimeSpan.FromSeconds(30), LockRetries: 1, LockKey: 7));

        (fromJson.StatementLockTimeout, fromJson.StatementTimeout, fromJson.LockRetries, fromJson.LockKey).ShouldBe((TimeSpan.FromSeconds(2), (TimeSpan?)null, 5, 42L));
        (fromCli.StatementLockTimeout, fromCli.StatementTimeout, fromCli.LockRetries, fromCli.LockKey).ShouldBe(((TimeSpan?)null, TimeSpan.FromSeconds(30), 1, 7L));
    }

    [Fact]
    public void Statement_settings_default_to_a_five_second_lock_timeout_three_retries_and_no_statement_timeout()
    {
        var settings = Resolve();

        (settings.StatementLockTimeout, settings.StatementTimeout, settings.LockRetries, settings.LockKey).ShouldBe((TimeSpan.FromSeconds(5), (TimeSpan?)null, 3, (long?)null));
        Should.Throw<Errors.ConfigurationException>(() => Resolve(new ConfigurationOverrides(LockRetries: -1))).Message.ShouldContain("lockRetries");
    }

    private StrataSettings Resolve(ConfigurationOverrides? overrides = null) =>
        ConfigurationResolver.Resolve(overrides ?? ConfigurationOverrides.None, _environment, _folder.Path, TestSupport.TestDialects.All);

    private static string Origin(StrataSettings settings, string setting) =>
        settings.Origins.Single(o => o.Setting == setting).Source;
}
