using Strata.Configuration;
using Strata.Errors;
using Strata.TestSupport;

namespace Strata.Tests.Configuration;

public sealed class DatabaseSourcesTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Each_database_layer_beats_the_next()
    {
        _folder.Write("strata.json", """{ "database": "sqlite:json.db" }""");
        _folder.Write(".env", "DATABASE_URL=sqlite:dotenv.db\n");
        _environment["DATABASE_URL"] = "sqlite:env.db";
        var cli = new ConfigurationOverrides(Database: "sqlite:cli.db");

        Resolve(cli).Database!.ConnectionString.ShouldBe(_folder.Combine("cli.db"));
        Origin(Resolve(cli), "database").ShouldBe("--database");

        Resolve().Database!.ConnectionString.ShouldBe(_folder.Combine("env.db"));
        Origin(Resolve(), "database").ShouldBe("DATABASE_URL (environment); shadows DATABASE_URL (.env)");

        _environment.Clear();
        Resolve().Database!.ConnectionString.ShouldBe(_folder.Combine("dotenv.db"));
        Origin(Resolve(), "database").ShouldBe("DATABASE_URL (.env)");

        File.Delete(Path.Combine(_folder.Path, ".env"));
        Resolve().Database!.ConnectionString.ShouldBe(_folder.Combine("json.db"));
        Origin(Resolve(), "database").ShouldBe("strata.json database");
    }

    [Fact]
    public void An_empty_environment_variable_counts_as_unset()
    {
        _folder.Write(".env", "DATABASE_URL=sqlite:dotenv.db\n");
        _environment["DATABASE_URL"] = "";

        Resolve().Database!.DisplayName.ShouldBe("sqlite:dotenv.db");
    }

    [Fact]
    public void Db_path_in_the_environment_beats_database_url_from_dotenv_and_says_what_it_shadows()
    {
        _environment["DB_PATH"] = "data/app.db";
        _folder.Write(".env", "DATABASE_URL=postgres://url.example.com/db\n");

        var settings = Resolve();

        settings.Database!.ConnectionString.ShouldBe(_folder.Combine("data", "app.db"));
        Origin(settings, "database").ShouldBe("DB_PATH (environment); shadows DATABASE_URL (.env)");
    }

    [Theory]
    [InlineData("DB_PATH", "data/app.db", "PGHOST", "pg.example.com", "PGHOST and DB_PATH are both set (environment) and name different databases")]
    [InlineData("DATABASE_URL", "postgres://a.example.com/db", "POSTGRES_HOST", "b.example.com", "DATABASE_URL and POSTGRES_HOST are both set (environment)")]
    [InlineData("POSTGRES_DB", "shop", "PGDATABASE", "other", "POSTGRES_DB and PGDATABASE are both set (environment)")]
    public void Two_database_variables_of_one_layer_that_disagree_are_an_error_naming_both(string first, string firstValue, string second, string secondValue, string message)
    {
        _environment[first] = firstValue;
        _environment[second] = secondValue;

        var error = Should.Throw<ConfigurationException>(() => Resolve());

        error.Message.ShouldContain(message);
        error.Hint!.ShouldContain($"unset {(first == "DB_PATH" ? second : first)} or {(first == "DB_PATH" ? first : second)}, whichever you do not mean, or pass --database");
    }

    [Fact]
    public void Two_database_variables_in_dotenv_that_disagree_are_an_error_too()
    {
        _folder.Write(".env", "DB_PATH=app.db\nDATABASE_URL=postgres://url.example.com/db\n");

        Should.Throw<ConfigurationException>(() => Resolve()).Message.ShouldStartWith("DATABASE_URL and DB_PATH are both set (.env) and name different databases");
    }

    [Fact]
    public void Two_database_variables_that_name_the_same_database_agree()
    {
        _environment["DATABASE_URL"] = "postgres://app@db.example.com:5432/shop";
        _environment["PGHOST"] = "db.example.com";
        _environment["PGUSER"] = "app";
        _environment["PGDATABASE"] = "shop";

        var settings = Resolve();

        settings.Database!.DisplayName.ShouldBe("postgres://app@db.example.com:5432/shop");
        Origin(settings, "database").ShouldBe("DATABASE_URL (environment), agreeing with PG* variables (environment)");
    }

    [Fact]
    public void The_command_line_beats_every_variable_even_disagreeing_ones()
    {
        _environment["DB_PATH"] = "data/app.db";
        _environment["PGHOST"] = "pg.example.com";

        Resolve(new ConfigurationOverrides(Database: "sqlite:cli.db")).Database!.ConnectionString.ShouldBe(_folder.Combine("cli.db"));
    }

    [Fact]
    public void Reads_the_postgres_variable_set()
    {
        _environment["POSTGRES_HOST"] = "db.internal";
        _environment["POSTGRES_PORT"] = "6432";
        _environment["POSTGRES_USER"] = "app";
        _folder.Write(".env", "POSTGRES_PASSWORD='$tarts with dollar ${X}'\nPOSTGRES_DB=shop\n");

        var settings = Resolve();

        settings.Database!.ConnectionString.ShouldBe("Host=db.internal;Port=6432;Database=shop;Username=app;Password=\"$tarts with dollar ${X}\"");
        settings.Database.Password.ShouldBe("$tarts with dollar ${X}");
        settings.Database.DisplayName.ShouldBe("postgres://app@db.internal:6432/shop");
        Origin(settings, "database").ShouldBe("POSTGRES_* variables (environment, .env)");
    }

    [Fact]
    public void Reads_the_libpq_variable_set_with_pass_through_options()
    {
        _environment["PGHOST"] = "h1,h2";
        _environment["PGPORT"] = "5432,5433";
        _environment["PGUSER"] = "app";
        _environment["PGPASSWORD"] = "pw";
        _environment["PGDATABASE"] = "shop";
        _environment["PGSSLMODE"] = "verify-full";
        _environment["PGAPPNAME"] = "strata";
        _environment["PGCONNECT_TIMEOUT"] = "7";
        _environment["PGPASSFILE"] = "/home/app/.pgpass";

        var keywords = ConnectionKeywords.Of(Resolve().Database!);

        keywords["Host"].ShouldBe("h1:5432,h2:5433");
        keywords["Username"].ShouldBe("app");
        keywords["Password"].ShouldBe("pw");
        keywords["Database"].ShouldBe("shop");
        keywords["SSL Mode"].ShouldBe("VerifyFull");
        keywords["Application Name"].ShouldBe("strata");
        keywords["Timeout"].ShouldBe("7");
        keywords["Passfile"].ShouldBe("/home/app/.pgpass");
    }

    [Fact]
    public void Names_the_variable_when_its_value_is_bad()
    {
        _environment["POSTGRES_HOST"] = "h";
        _environment["POSTGRES_PORT"] = "five";
        Should.Throw<ConfigurationException>(() => Resolve()).Message.ShouldContain("POSTGRES_PORT");

        _environment.Clear();
        _folder.Write(".env", "DATABASE_URL=mysql://h/db\n");
        Should.Throw<ConfigurationException>(() => Resolve()).Message.ShouldStartWith("DATABASE_URL (.env): ");
    }

    [Fact]
    public void Warns_about_a_password_on_the_command_line_only()
    {
        Resolve(new ConfigurationOverrides(Database: "postgres://app:pw@localhost/db")).Warnings
            .ShouldHaveSingleItem().ShouldContain("password was given on the command line");
        Resolve(new ConfigurationOverrides(Database: "postgres://app@localhost/db")).Warnings.ShouldBeEmpty();

        _environment["DATABASE_URL"] = "postgres://app:pw@localhost/db";
        Resolve().Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("postgres://db.example.com/shop", true)]
    [InlineData("postgres://db.example.com/shop?sslmode=prefer", true)]
    [InlineData("postgres://db.example.com/shop?sslmode=allow", true)]
    [InlineData("postgres://db.example.com/shop?sslmode=disable", true)]
    [InlineData("postgres://localhost,db.example.com/shop", true)]
    [InlineData("postgres://db.example.com/shop?sslmode=require", false)]
    [InlineData("postgres://db.example.com/shop?sslmode=verify-full", false)]
    [InlineData("postgres://localhost/shop", false)]
    [InlineData("postgres://127.0.0.1/shop", false)]
    [InlineData("postgres://[::1]/shop", false)]
    [InlineData("postgres://%2Fvar%2Frun%2Fpostgresql/shop", false)]
    [InlineData("postgres:///shop", false)]
    [InlineData("Host=::1;Database=x", false)]
    [InlineData("sqlite:app.db", false)]
    public void Warns_about_remote_connections_without_tls(string database, bool warns)
    {
        _environment["DATABASE_URL"] = database;

        var warnings = Resolve().Warnings;

        warnings.Any(w => w.Contains("does not require TLS", StringComparison.Ordinal)).ShouldBe(warns);
    }

    [Fact]
    public void Passwords_with_dollar_signs_are_used_verbatim_and_expansion_happens_once()
    {
        _environment["DATABASE_URL"] = "postgres://app:$tart${HOME}@h/db";
        Resolve().Database!.Password.ShouldBe("$tart${HOME}");

        _environment.Clear();
        _folder.Write("strata.json", """{ "database": "${SECRET_URL}" }""");
        _environment["SECRET_URL"] = "postgres://app:${NOT_AGAIN}@h/db";
        Resolve().Database!.Password.ShouldBe("${NOT_AGAIN}");
    }

    private StrataSettings Resolve(ConfigurationOverrides? overrides = null) =>
        ConfigurationResolver.Resolve(overrides ?? ConfigurationOverrides.None, _environment, _folder.Path, TestSupport.TestDialects.All);

    private static string Origin(StrataSettings settings, string setting) =>
        settings.Origins.Single(o => o.Setting == setting).Source;
}
