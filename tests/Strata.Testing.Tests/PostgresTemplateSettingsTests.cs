using Npgsql;
using Strata.Execution;
using Strata.TestSupport;

namespace Strata.Testing.Tests;

/// <summary>Empty (unmigrated) pools and the template's encoding and locale: each is a template of its own.</summary>
public sealed class PostgresTemplateSettingsTests
{
    [Fact]
    public async Task An_empty_pool_hands_out_databases_holding_nothing_not_even_a_history_table()
    {
        var server = await PostgresServer.SharedAsync();
        await using var pool = TestDatabases.ForPostgresEmpty(server.ConnectionString, new TestDatabaseOptions { WarmClones = 1 });
        var template = await pool.EnsureTemplateAsync();
        await using var first = await pool.RentAsync();
        await using var second = await pool.RentAsync();

        template.ShouldMatch("^strata_tpl_[0-9a-f]{12}$");
        second.Name.ShouldNotBe(first.Name);
        (await ScalarAsync<long>(first.ConnectionString, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')")).ShouldBe(0);
        (await ScalarAsync<long>(first.ConnectionString, "SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')")).ShouldBe(0);
        (await ScalarAsync<string>(server.ConnectionString, $"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{template}'")).ShouldStartWith("strata-testing template ready");
    }

    [Fact]
    public async Task Encoding_and_locale_make_a_template_of_their_own_that_every_clone_inherits()
    {
        var server = await PostgresServer.SharedAsync();
        using var migrations = Migrations.Shop(nameof(Encoding_and_locale_make_a_template_of_their_own_that_every_clone_inherits));
        // A locale of the operating system other than C (C.utf8 here), so the clone shows it was applied.
        var locale = await ScalarAsync<string>(server.ConnectionString, "SELECT collcollate FROM pg_collation WHERE collprovider = 'c' AND collencoding = pg_char_to_encoding('UTF8') AND collcollate NOT IN ('C', 'POSIX') ORDER BY collcollate LIMIT 1");
        var latin = new TestDatabaseOptions { Encoding = "latin1", Locale = "C", WarmClones = 0 };
        var utf8 = new TestDatabaseOptions { Encoding = "UTF8", Locale = locale, WarmClones = 0 };
        await using var plain = TestDatabases.ForPostgres(server.ConnectionString, migrations.Source, new TestDatabaseOptions { WarmClones = 0 });
        await using var latinPool = TestDatabases.ForPostgres(server.ConnectionString, migrations.Source, latin);
        await using var sameAsLatin = TestDatabases.ForPostgres(server.ConnectionString, migrations.Source, latin with { Encoding = "LATIN1" });
        await using var utf8Pool = TestDatabases.ForPostgres(server.ConnectionString, migrations.Source, utf8);
        await using var emptyLatin = TestDatabases.ForPostgresEmpty(server.ConnectionString, latin);
        await using var cli = new PostgresTestServer(server.ConnectionString);

        var plainTemplate = await plain.EnsureTemplateAsync();
        var latinTemplate = await latinPool.EnsureTemplateAsync();
        await using var latinDatabase = await latinPool.RentAsync();
        await using var utf8Database = await utf8Pool.RentAsync();
        await using var emptyDatabase = await emptyLatin.RentAsync();

        (await cli.EnsureTemplateAsync(migrations.Source, new MigratorOptions())).ShouldBe(plainTemplate, "default options share the template of strata test-db create");
        new[] { plainTemplate, latinTemplate, await utf8Pool.EnsureTemplateAsync(), await emptyLatin.EnsureTemplateAsync() }.Distinct().Count().ShouldBe(4);
        (await sameAsLatin.EnsureTemplateAsync()).ShouldBe(latinTemplate, "encoding names are case-insensitive");
        (await PostgresPoolTests.CountAsync(latinDatabase.ConnectionString, "SELECT count(*) FROM statuses")).ShouldBe(2);
        (await SettingsAsync(server, latinTemplate)).ShouldBe("LATIN1 C C");
        (await SettingsAsync(server, latinDatabase.Name)).ShouldBe("LATIN1 C C");
        (await SettingsAsync(server, emptyDatabase.Name)).ShouldBe("LATIN1 C C");
        (await SettingsAsync(server, utf8Database.Name)).ShouldBe($"UTF8 {locale} {locale}");
    }

    private static Task<string> SettingsAsync(PostgresServer server, string database) =>
        ScalarAsync<string>(server.ConnectionString, $"SELECT pg_encoding_to_char(encoding) || ' ' || datcollate || ' ' || datctype FROM pg_database WHERE datname = '{database}'");

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
