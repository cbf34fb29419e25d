using Strata.Configuration;
using Strata.Errors;
using Strata.Execution;
using Strata.Operations;
using Strata.PostgreSql;
using Strata.Sources;
using Strata.Sqlite;
using Strata.TestSupport;

namespace Strata.Hosting.Tests.Hosting;

/// <summary>
/// The one public factory from a database value to a dialect (<see cref="DialectSet"/>), called directly as a library
/// user (or the CLI, or the sample app) calls it.
/// </summary>
public sealed class DialectSetTests : IDisposable
{
    private static readonly DialectSet Both = new(PostgreSqlDialect.Factory, SqliteDialect.Factory);
    private readonly TempDirectory _folder = new();

    [Fact]
    public void A_postgres_url_becomes_the_PostgreSQL_dialect_named_without_its_password()
    {
        var dialect = Both.Create("postgres://app:s3cret@db.example.com:6432/shop", _folder.Path, new DialectSettings { LockKey = 42, LoadDatabaseTypes = false });

        dialect.ShouldBeOfType<PostgreSqlDialect>();
        dialect.Dialect.ShouldBe(Dialect.PostgreSql);
        dialect.DisplayName.ShouldBe("postgres://app@db.example.com:6432/shop");
    }

    [Fact]
    public async Task A_sqlite_url_becomes_the_SQLite_dialect_that_migrates_the_file_relative_to_the_base_directory()
    {
        var migrations = Directory.CreateDirectory(Path.Combine(_folder.Path, "migrations")).FullName;
        await File.WriteAllTextAsync(Path.Combine(migrations, "001_items.sql"), "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");

        var dialect = Both.Create("sqlite:app.db", _folder.Path, new DialectSettings { LockTimeout = TimeSpan.FromSeconds(5) });
        await new Migrator(dialect, new DirectoryMigrationSource(migrations)).MigrateAsync(cancellationToken: CancellationToken.None);

        dialect.ShouldBeOfType<SqliteDialect>();
        dialect.Dialect.ShouldBe(Dialect.Sqlite);
        File.Exists(Path.Combine(_folder.Path, "app.db")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("postgres://app:s3cret@db.example.com:port/shop")]
    [InlineData("mysql://app:s3cret@db.example.com/shop")]
    [InlineData("")]
    public void A_bad_value_is_the_configuration_error_the_CLI_gives_without_the_password(string value)
    {
        var expected = Should.Throw<ConfigurationException>(() => Both.Parse(value, _folder.Path));

        var error = Should.Throw<ConfigurationException>(() => Both.Create(value, _folder.Path));

        error.Message.ShouldBe(expected.Message);
        error.Hint.ShouldBe(expected.Hint);
        error.Message.ShouldNotContain("s3cret");
        error.Category.ShouldBe(ErrorCategory.BadInput);
    }

    [Fact]
    public void An_unsupported_scheme_lists_the_forms_of_every_dialect_in_the_set()
    {
        var error = Should.Throw<ConfigurationException>(() => Both.Create("mysql://app@db.example.com/shop", _folder.Path));

        error.Message.ShouldBe("the database URL scheme 'mysql' is not supported");
        error.Hint!.ShouldStartWith("use postgres://user:password@host:5432/database, an Npgsql keyword string (Host=…;Database=…;Username=…), or sqlite:path/to/app.db; ");
    }

    [Fact]
    public void A_database_of_a_dialect_not_in_the_set_says_which_package_to_add_without_the_password()
    {
        var sqliteOnly = new DialectSet(SqliteDialect.Factory);

        var error = Should.Throw<ConfigurationException>(() => sqliteOnly.Create("postgres://app:s3cret@db.example.com/shop", _folder.Path));

        error.Message.ShouldBe("a postgres:// URL is a postgresql database, but this program has no postgresql dialect");
        error.Hint.ShouldBe("reference the Strata.PostgreSql package and add PostgreSqlDialect.Factory to the DialectSet");
        error.ToString().ShouldNotContain("s3cret");
    }

    [Fact]
    public void A_dialect_given_twice_is_refused()
    {
        Should.Throw<ArgumentException>(() => new DialectSet(SqliteDialect.Factory, SqliteDialect.Factory)).Message.ShouldContain("sqlite dialect is in the set twice");
    }

    [Fact]
    public void Backups_come_from_the_set_and_an_in_memory_SQLite_database_is_refused()
    {
        var settings = new BackupSettings { Folder = _folder.Path };

        Both.CreateBackup(Both.Parse("postgres://app@db.example.com/shop", _folder.Path), settings).ShouldBeOfType<PostgreSqlBackup>();
        Both.CreateBackup(Both.Parse("sqlite:app.db", _folder.Path), settings).ShouldBeOfType<SqliteBackup>();
        var error = Should.Throw<StrataException>(() => Both.CreateBackup(Both.Parse("sqlite::memory:", _folder.Path), settings));
        error.Message.ShouldBe("an in-memory SQLite database cannot be backed up");
        error.Category.ShouldBe(ErrorCategory.BadInput);
    }

    [Fact]
    public async Task Hosting_migrates_the_database_a_url_names_through_the_set()
    {
        using var app = new SqliteApp();
        app.Write("001_create_items.sql", "CREATE TABLE items (id INTEGER PRIMARY KEY);\n");
        var (host, _) = app.Build(strata => strata.UseDatabase("sqlite:" + app.DatabasePath, Both));
        using (host)
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        (await app.TableExistsAsync("items")).ShouldBeTrue();
    }

    [Fact]
    public async Task Hosting_with_a_malformed_url_stops_start_up_with_the_configuration_error_without_the_password()
    {
        using var app = new SqliteApp();
        var (host, _) = app.Build(strata => strata.UseDatabase("postgres://app:s3cret@db.example.com:port/shop", Both));
        using (host)
        {
            var error = await Should.ThrowAsync<ConfigurationException>(() => host.StartAsync());
            error.Message.ShouldBe(Should.Throw<ConfigurationException>(() => Both.Parse("postgres://app:s3cret@db.example.com:port/shop", ".")).Message);
            error.ToString().ShouldNotContain("s3cret");
        }
    }

    public void Dispose() => _folder.Dispose();
}
