using Strata.Configuration;
using Strata.Errors;
using Strata.TestSupport;

namespace Strata.Sqlite.Tests.Connection;

/// <summary>SQLite's forms (<c>sqlite:</c> values, bare <c>.db</c> paths), through the dispatch of <see cref="DatabaseUrl.Parse"/>.</summary>
public sealed class SqliteFormsTests
{
    private const string Base = "/work/project";

    [Theory]
    [InlineData("sqlite:data/app.db", "/work/project/data/app.db", "sqlite:data/app.db")]
    [InlineData("sqlite:/var/lib/app.db", "/var/lib/app.db", "sqlite:/var/lib/app.db")]
    [InlineData("sqlite:///var/lib/app.db", "/var/lib/app.db", "sqlite:///var/lib/app.db")]
    [InlineData("sqlite://relative.db", "/work/project/relative.db", "sqlite://relative.db")]
    [InlineData("sqlite:../up.db", "/work/up.db", "sqlite:../up.db")]
    [InlineData("SQLite:app.db", "/work/project/app.db", "SQLite:app.db")]
    [InlineData("sqlite::memory:", ":memory:", "sqlite::memory:")]
    [InlineData("app.db", "/work/project/app.db", "sqlite:app.db")]
    [InlineData("data/app.sqlite", "/work/project/data/app.sqlite", "sqlite:data/app.sqlite")]
    [InlineData("/tmp/x.SQLITE3", "/tmp/x.SQLITE3", "sqlite:/tmp/x.SQLITE3")]
    [InlineData("  app.db  ", "/work/project/app.db", "sqlite:app.db")]
    public void Parses_sqlite_forms_to_absolute_paths(string value, string path, string displayName)
    {
        var target = DatabaseUrl.Parse(value, Base, TestDialects.All);

        target.Dialect.ShouldBe(Dialect.Sqlite);
        target.ConnectionString.ShouldBe(path == ":memory:" ? path : Path.GetFullPath(path));
        target.DisplayName.ShouldBe(displayName);
        target.Password.ShouldBeNull();
    }

    [Theory]
    [InlineData("sqlite:")]
    [InlineData("sqlite://")]
    public void Rejects_a_sqlite_value_that_names_no_file(string value)
    {
        var error = Should.Throw<ConfigurationException>(() => DatabaseUrl.Parse(value, Base, TestDialects.All));

        error.Message.ShouldContain("no usable file");
        error.Hint.ShouldNotBeNullOrWhiteSpace();
        error.Category.ShouldBe(ErrorCategory.BadInput);
    }

    [Fact]
    public void A_password_file_is_refused_for_a_sqlite_database()
    {
        var folder = Directory.CreateTempSubdirectory("strata-sqlite-password-").FullName;
        var target = SqliteDialect.Factory.Connections.Parse("sqlite:app.db", folder);

        var error = Should.Throw<ConfigurationException>(() => ConfigurationResolver.Resolve(
            new ConfigurationOverrides(Database: "sqlite:app.db") { PasswordFile = "pw.txt" }, new Dictionary<string, string>(), folder, TestDialects.All));
        Directory.Delete(folder, recursive: true);

        target.Dialect.ShouldBe(Dialect.Sqlite);
        error.Message.ShouldBe($"--password-file applies to PostgreSQL, but the database is {target.DisplayName}");
        error.Hint.ShouldBe("leave --password-file out for SQLite");
    }

    [Fact]
    public void Two_values_naming_the_same_file_are_the_same_database()
    {
        var syntax = SqliteDialect.Factory.Connections;

        syntax.SameDatabase(syntax.Parse("app.db", Base), syntax.Parse("sqlite:/work/project/app.db", Base)).ShouldBeTrue();
        syntax.SameDatabase(syntax.Parse("app.db", Base), syntax.Parse("other.db", Base)).ShouldBeFalse();
        syntax.Unencrypted(syntax.Parse("app.db", Base)).ShouldBeNull();
    }
}
