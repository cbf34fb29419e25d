using Strata.Configuration;
using Strata.Errors;
using Strata.TestSupport;

namespace Strata.Tests.Configuration;

/// <summary>Where the PostgreSQL password comes from, in which order, and the password file's rules (R22).</summary>
public sealed class CredentialSourcesTests : IDisposable
{
    private const string Url = "postgres://app@db.example.com/shop?sslmode=verify-full";
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("$tart${HOME}pw\n", "$tart${HOME}pw")]
    [InlineData("pw\r\n", "pw")]
    [InlineData("pw\t\n", "pw\t")]
    [InlineData("  spaced pw  ", "  spaced pw  ")]
    public void The_password_file_is_read_verbatim_less_one_line_end(string contents, string password)
    {
        var file = PrivateFile("secret", contents);

        var settings = Resolve(new ConfigurationOverrides(Database: Url) { PasswordFile = file });

        settings.Database!.Password.ShouldBe(password);
        ConnectionKeywords.Of(settings.Database)["Password"].ShouldBe(password);
        settings.Warnings.ShouldBeEmpty();
        Origin(settings).ShouldBe("--password-file " + file);
    }

    [Fact]
    public void The_password_file_beats_every_other_password()
    {
        var file = PrivateFile("secret", "from-file\n");
        _environment["DATABASE_URL"] = "postgres://app:from-url@db.example.com/shop?sslmode=require";
        _environment["PGPASSWORD"] = "from-pgpassword";

        Resolve(new ConfigurationOverrides { PasswordFile = "secret" }).Database!.Password.ShouldBe("from-file");
        var fromCli = Resolve(new ConfigurationOverrides(Database: "postgres://app:on-cli@db.example.com/shop?sslmode=require") { PasswordFile = file });
        fromCli.Database!.Password.ShouldBe("from-file");
        fromCli.Warnings.ShouldHaveSingleItem().ShouldContain("password was given on the command line");
    }

    [Fact]
    public void A_password_file_others_can_read_draws_a_warning_without_the_password()
    {
        var file = _folder.Write("secret", "hunter2-secret\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var settings = Resolve(new ConfigurationOverrides(Database: Url) { PasswordFile = file });

        settings.Database!.Password.ShouldBe("hunter2-secret");
        var warning = settings.Warnings.ShouldHaveSingleItem();
        warning.ShouldContain(file);
        warning.ShouldContain("mode 0644");
        warning.ShouldContain("chmod 600");
        warning.ShouldNotContain("hunter2");
    }

    [Fact]
    public void A_missing_empty_or_folder_password_file_is_an_error_naming_the_path()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "folder"));
        PrivateFile("empty", "\n");
        PrivateFile("two-lines", "pw\n\n");

        foreach (var (name, problem) in new[]
        {
            ("missing", "does not exist"), ("folder", "is a folder, not a file"), ("empty", "is empty"),
            ("two-lines", "has a line break before or after the password (only one at the end is ignored)"),
        })
        {
            var error = Should.Throw<ConfigurationException>(() => Resolve(new ConfigurationOverrides(Database: Url) { PasswordFile = name }));
            error.Message.ShouldBe($"the password file {_folder.Combine(name)} (from --password-file) {problem}");
            error.Hint.ShouldNotBeNull().ShouldContain("chmod 600");
        }
    }

    [Fact]
    public void A_password_file_needs_a_postgresql_database()
    {
        PrivateFile("secret", "pw");

        Should.Throw<ConfigurationException>(() => Resolve(new ConfigurationOverrides(Database: "sqlite:app.db") { PasswordFile = "secret" }))
            .Message.ShouldContain("applies to PostgreSQL");
        Should.Throw<ConfigurationException>(() => Resolve(new ConfigurationOverrides { PasswordFile = "secret" }))
            .Message.ShouldContain("no database is configured");
    }

    [Fact]
    public void The_database_settings_own_password_beats_pgpassword_which_fills_in_when_it_has_none()
    {
        _environment["DATABASE_URL"] = "postgres://app:from-url@db.example.com/shop?sslmode=require";
        _environment["PGPASSWORD"] = "from-pgpassword";
        Resolve().Database!.Password.ShouldBe("from-url");
        Origin(Resolve()).ShouldBe("the database setting (DATABASE_URL (environment))");

        _environment["DATABASE_URL"] = Url;
        Resolve().Database!.Password.ShouldBe("from-pgpassword");
        Origin(Resolve()).ShouldBe("PGPASSWORD (environment), as the database setting has none");

        _environment.Remove("PGPASSWORD");
        _folder.Write(".env", "PGPASSWORD=$from-dotenv${x}\n");
        Resolve().Database!.Password.ShouldBe("$from-dotenv${x}");
    }

    [Fact]
    public void Postgres_password_goes_with_the_postgres_variables()
    {
        _environment["POSTGRES_HOST"] = "db.example.com";
        _environment["POSTGRES_USER"] = "app";
        _environment["POSTGRES_PASSWORD"] = "$pw${x}";
        _environment["PGPASSWORD"] = "not-this";

        Resolve().Database!.Password.ShouldBe("$pw${x}");
    }

    [Fact]
    public void Without_a_password_npgsql_is_left_to_read_the_password_file()
    {
        _environment["DATABASE_URL"] = Url;
        var none = Resolve();
        none.Database!.Password.ShouldBeNull();
        ConnectionKeywords.Of(none.Database).ShouldNotContainKey("Password");
        ConnectionKeywords.Of(none.Database).ShouldNotContainKey("Passfile");
        Origin(none).ShouldContain("~/.pgpass");

        _folder.Write(".env", "PGPASSFILE=/home/app/.pgpass-strata\n");
        ConnectionKeywords.Of(Resolve().Database!)["Passfile"].ShouldBe("/home/app/.pgpass-strata");
        Origin(Resolve()).ShouldBe("none given: Npgsql reads the password file of PGPASSFILE (.env)");

        _environment["DATABASE_URL"] = Url + "&passfile=/etc/strata/pgpass";
        ConnectionKeywords.Of(Resolve().Database!)["Passfile"].ShouldBe("/etc/strata/pgpass");
    }

    [Theory]
    [InlineData("postgres://app@db.example.com/shop", true)]
    [InlineData("postgres://app@db.example.com/shop?sslmode=prefer", true)]
    [InlineData("postgres://app@db.example.com/shop?sslmode=disable", true)]
    [InlineData("postgres://app@db.example.com/shop?sslmode=require", false)]
    [InlineData("postgres://app@db.example.com/shop?sslmode=verify-full", false)]
    [InlineData("postgres://app@127.0.0.1/shop?sslmode=disable", false)]
    [InlineData("sqlite:app.db", false)]
    public void Require_tls_turns_the_plaintext_warning_into_a_refusal_to_connect(string database, bool refused)
    {
        _environment["DATABASE_URL"] = database;

        var settings = Resolve(new ConfigurationOverrides { RequireTls = true });

        settings.RequireTls.ShouldBeTrue();
        settings.Warnings.ShouldBeEmpty();
        if (refused)
        {
            var error = Should.Throw<DatabaseUnavailableException>(settings.RequireDatabase);
            error.Category.ShouldBe(ErrorCategory.Unavailable);
            error.Message.ShouldStartWith("refused to connect to db.example.com without TLS (sslmode ");
            error.Hint.ShouldNotBeNull().ShouldContain("sslmode=verify-full");
        }
        else
        {
            settings.RequireDatabase().ShouldBeSameAs(settings.Database);
        }
    }

    [Fact]
    public void Require_tls_comes_from_strata_json_and_its_environments()
    {
        _environment["DATABASE_URL"] = "postgres://app@db.example.com/shop";
        _folder.Write("strata.json", """{ "environments": { "production": { "requireTls": true }, "development": {} } }""");

        Resolve(new ConfigurationOverrides(Environment: "development")).RequireTls.ShouldBeFalse();
        Resolve(new ConfigurationOverrides(Environment: "development")).Warnings.ShouldHaveSingleItem().ShouldContain("--require-tls");
        var production = Resolve(new ConfigurationOverrides(Environment: "production"));
        production.Origins.Single(o => o.Setting == "requireTls").Source.ShouldBe("strata.json environments.production.requireTls");
        Should.Throw<DatabaseUnavailableException>(production.RequireDatabase);

        _folder.Write("strata.json", """{ "requireTls": true }""");
        Resolve().Origins.Single(o => o.Setting == "requireTls").Source.ShouldBe("strata.json requireTls");
        Should.Throw<DatabaseUnavailableException>(Resolve().RequireDatabase);
    }

    private string PrivateFile(string name, string contents)
    {
        var path = _folder.Write(name, contents);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    private StrataSettings Resolve(ConfigurationOverrides? overrides = null) =>
        ConfigurationResolver.Resolve(overrides ?? ConfigurationOverrides.None, _environment, _folder.Path, TestSupport.TestDialects.All);

    private static string Origin(StrataSettings settings) => settings.Origins.Single(o => o.Setting == "password").Source;
}
