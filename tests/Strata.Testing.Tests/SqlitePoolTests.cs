using Microsoft.Data.Sqlite;
using Strata.TestSupport;

namespace Strata.Testing.Tests;

/// <summary>SQLite: a template file per migration set, a copy per rent, reset by copying the template back.</summary>
public sealed class SqlitePoolTests
{
    [Fact]
    public async Task Each_rent_is_a_copy_of_one_template_file_and_a_changed_migration_makes_a_new_template()
    {
        using var folder = new TempDirectory();
        using var migrations = new Migrations().Write("001_t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\nINSERT INTO t (name) VALUES ('seed');\n");
        await using var pool = TestDatabases.ForSqlite(folder.Path, migrations.Source);

        var rented = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => pool.RentAsync()));
        await ExecuteAsync(rented[0].ConnectionString, "INSERT INTO t (name) VALUES ('only in the first')");
        migrations.Write("002_u.sql", "CREATE TABLE u (id INTEGER);\n");
        await using var changed = TestDatabases.ForSqlite(folder.Path, migrations.Source);
        var newTemplate = await changed.EnsureTemplateAsync();

        rented.Select(r => r.Name).Distinct().Count().ShouldBe(4);
        (await CountAsync(rented[0].ConnectionString, "SELECT count(*) FROM t")).ShouldBe(2);
        (await CountAsync(rented[1].ConnectionString, "SELECT count(*) FROM t")).ShouldBe(1);
        Path.GetFileName(newTemplate).ShouldNotBe(Path.GetFileName(await pool.EnsureTemplateAsync()));
        Directory.GetFiles(folder.Path, "strata_tpl_*.db").Length.ShouldBe(2);
        foreach (var database in rented)
        {
            await database.DisposeAsync();
        }

        Directory.GetFiles(folder.Path, "strata_test_*").ShouldBeEmpty();
    }

    [Fact]
    public async Task Reset_mode_copies_the_template_back_and_reuses_the_file()
    {
        using var folder = new TempDirectory();
        using var migrations = new Migrations().Write("001_t.sql", "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);\nINSERT INTO t (name) VALUES ('seed');\n");
        await using var pool = TestDatabases.ForSqlite(folder.Path, migrations.Source, new TestDatabaseOptions { ResetOnReturn = true });
        var first = await pool.RentAsync();
        await ExecuteAsync(first.ConnectionString, "INSERT INTO t (name) VALUES ('written'); DELETE FROM t WHERE name = 'seed';");

        await first.DisposeAsync();
        await using var second = await pool.RentAsync();

        second.Name.ShouldBe(first.Name);
        (await CountAsync(second.ConnectionString, "SELECT count(*) FROM t WHERE name = 'seed'")).ShouldBe(1);
        (await CountAsync(second.ConnectionString, "SELECT count(*) FROM t")).ShouldBe(1);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
