using Strata.Configuration;
using Strata.Errors;
using Strata.Lint;
using Strata.Schema;
using Strata.Sources;
using Strata.TestSupport;

namespace Strata.Sqlite.Tests;

/// <summary>
/// Measured lint called through the library on SQLite, which has no measuring role: an SQLite <c>--against</c> or
/// <c>--copy-of</c> target is refused with the option's name before anything is read, and an SQLite configured database
/// is refused before anything is measured.
/// </summary>
public sealed class MeasuredLintTests
{
    [Theory]
    [InlineData(false, "--against sqlite:shop.db: weighing by table sizes needs a PostgreSQL database")]
    [InlineData(true, "--copy-of sqlite:shop.db: measuring on a copy needs a PostgreSQL database")]
    public async Task An_sqlite_target_is_refused_as_bad_input_naming_the_option(bool onCopy, string message)
    {
        using var folder = new TempDirectory();
        var (source, settings) = Folder(folder);
        var target = new DatabaseTarget(Dialect.Sqlite, Path.Combine(folder.Path, "shop.db"), "sqlite:shop.db", null);
        var request = new MeasuredLintRequest(() => throw new InvalidOperationException("no workspace is opened for a refused target"), new SqliteDialect(target.ConnectionString), source, settings, folder.Path)
        {
            Against = target,
            OnCopy = onCopy,
        };

        var error = await Should.ThrowAsync<ConfigurationException>(() => MeasuredLint.RunAsync(request));

        error.Message.ShouldBe(message);
        error.Category.ShouldBe(ErrorCategory.BadInput);
        error.Hint.ShouldBe("give a postgres:// URL, or the name of an environment in strata.json whose database is PostgreSQL");
        File.Exists(target.ConnectionString).ShouldBeFalse("the target is only read, and here not even that");
    }

    [Fact]
    public async Task An_sqlite_configured_database_is_refused_before_anything_is_measured()
    {
        using var folder = new TempDirectory();
        var (source, settings) = Folder(folder);
        var dialect = new SqliteDialect(Path.Combine(folder.Path, "app.db"));
        var request = new MeasuredLintRequest(() => new SchemaWorkspace(dialect), dialect, source, settings, folder.Path) { DatabaseDisplay = "sqlite:app.db" };

        var error = await Should.ThrowAsync<ConfigurationException>(() => MeasuredLint.RunAsync(request));

        error.Message.ShouldBe("measuring needs PostgreSQL, but the configured database is sqlite:app.db (SQLite): nothing was measured");
    }

    private static (IMigrationSource Source, StrataSettings Settings) Folder(TempDirectory folder)
    {
        folder.WriteFile("migrations/001_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY);\n");
        var path = Path.Combine(folder.Path, "migrations");
        var settings = new StrataSettings { MigrationsPath = path, Database = new DatabaseTarget(Dialect.Sqlite, Path.Combine(folder.Path, "app.db"), "sqlite:app.db", null) };
        return (new DirectoryMigrationSource(path), settings);
    }
}
