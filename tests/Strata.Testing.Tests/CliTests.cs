using Microsoft.Data.Sqlite;
using Strata.TestSupport;

namespace Strata.Testing.Tests;

/// <summary>strata test-db and strata reset, run as real processes.</summary>
[Collection(CleanTests.Name)]
public sealed class CliTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Two_processes_creating_test_databases_at_once_build_the_template_once()
    {
        var server = await PostgresServer.SharedAsync();
        using var migrations = Migrations.Shop(Guid.NewGuid().ToString("N"));
        var variables = Variables(migrations, server.ConnectionString);

        var results = await Task.WhenAll(
            StrataProcess.RunAsync(migrations.Folder, variables, Timeout, "test-db", "create", "--name", "strata_cli_a_" + Environment.ProcessId),
            StrataProcess.RunAsync(migrations.Folder, variables, Timeout, "test-db", "create", "--name", "strata_cli_b_" + Environment.ProcessId));

        results.ShouldAllBe(r => r.ExitCode == 0, string.Join("\n", results.Select(r => r.ToString())));
        results[0].All.ShouldContain("strata_tpl_");
        var a = server.ConnectionStringFor("strata_cli_a_" + Environment.ProcessId);
        var b = server.ConnectionStringFor("strata_cli_b_" + Environment.ProcessId);
        (await PostgresPoolTests.CountAsync(a, "SELECT count(*) FROM build_log")).ShouldBe(1);
        (await PostgresPoolTests.CountAsync(a, "SELECT pid::int8 FROM build_log")).ShouldBe(await PostgresPoolTests.CountAsync(b, "SELECT pid::int8 FROM build_log"));

        var refused = await StrataProcess.RunAsync(migrations.Folder, variables, Timeout, "test-db", "drop", "postgres");
        var dropped = await StrataProcess.RunAsync(migrations.Folder, variables, Timeout, "test-db", "drop", "strata_cli_a_" + Environment.ProcessId, "strata_cli_b_" + Environment.ProcessId);

        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.Stderr.ShouldContain("'postgres' is not a test database");
        dropped.ExitCode.ShouldBe(0, dropped.ToString());
        (await server.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname LIKE 'strata_cli_%_{Environment.ProcessId}'")).ShouldBe(0);
    }

    [Fact]
    public async Task Clean_as_a_process_drops_the_clones_of_a_dead_owner()
    {
        var server = await PostgresServer.SharedAsync();
        using var migrations = Migrations.Shop(nameof(Clean_as_a_process_drops_the_clones_of_a_dead_owner));
        var crashed = new PostgresTestServer(server.ConnectionString);
        var template = await crashed.EnsureTemplateAsync(migrations.Source, new Execution.MigratorOptions());
        var leftover = await crashed.CloneAsync(template);
        await crashed.DisposeAsync();

        var clean = await StrataProcess.RunAsync(migrations.Folder, Variables(migrations, server.ConnectionString), Timeout, "test-db", "clean");

        clean.ExitCode.ShouldBe(0, clean.ToString());
        clean.Stdout.ShouldContain("dropped " + leftover);
        (await server.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{leftover}'")).ShouldBe(0);
    }

    [Fact]
    public async Task Test_db_on_sqlite_is_refused_with_the_way_to_go()
    {
        using var migrations = new Migrations().Write("001_t.sql", "CREATE TABLE t (id INTEGER);\n");

        var result = await StrataProcess.RunAsync(migrations.Folder, Variables(migrations, "sqlite:" + Path.Combine(migrations.Folder, "app.db")), Timeout, "test-db", "create");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("TestDatabases.ForSqlite");
    }

    [Fact]
    public async Task Reset_needs_yes_is_refused_on_protected_environments_and_migrates_a_wiped_sqlite_file()
    {
        using var migrations = new Migrations().Write("001_t.sql", "CREATE TABLE t (id INTEGER);\n");
        File.WriteAllText(Path.Combine(migrations.Folder, "strata.json"), """
            { "environments": { "development": {}, "production": { "protected": true } } }
            """);
        var file = Path.Combine(migrations.Folder, "app.db");
        var variables = Variables(migrations, "sqlite:" + file);
        (await StrataProcess.RunAsync(migrations.Folder, variables, Timeout, "migrate")).ExitCode.ShouldBe(0);
        await ExecuteSqliteAsync(file, "INSERT INTO t VALUES (1); CREATE TABLE extra (id INTEGER);");

        var unconfirmed = await StrataProcess.RunAsync(migrations.Folder, variables, Timeout, "reset");
        var protectedEnv = await StrataProcess.RunAsync(migrations.Folder, variables, Timeout, "reset", "--env", "production", "--yes");
        var reset = await StrataProcess.RunAsync(migrations.Folder, variables, Timeout, "reset", "--yes");

        unconfirmed.ExitCode.ShouldBe(2, unconfirmed.ToString());
        unconfirmed.Stderr.ShouldContain("--yes");
        protectedEnv.ExitCode.ShouldBe(2, protectedEnv.ToString());
        protectedEnv.Stderr.ShouldContain("protected");
        reset.ExitCode.ShouldBe(0, reset.ToString());
        (await ScalarSqliteAsync(file, "SELECT count(*) FROM t")).ShouldBe(0);
        (await ScalarSqliteAsync(file, "SELECT count(*) FROM sqlite_master WHERE name = 'extra'")).ShouldBe(0);
    }

    [Fact]
    public async Task Reset_on_postgres_drops_every_schema_and_migrates_again()
    {
        var server = await PostgresServer.SharedAsync();
        await using var database = await server.CreateDatabaseAsync();
        using var migrations = new Migrations().Write("001_t.sql", "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n");
        var variables = Variables(migrations, database.ConnectionString);
        (await StrataProcess.RunAsync(migrations.Folder, variables, Timeout, "migrate")).ExitCode.ShouldBe(0);
        await database.ExecuteAsync("CREATE SCHEMA scratch; CREATE TABLE scratch.x (id int); INSERT INTO t VALUES (2);");

        var reset = await StrataProcess.RunAsync(migrations.Folder, variables, Timeout, "reset", "--yes");

        reset.ExitCode.ShouldBe(0, reset.ToString());
        (await database.ListTablesAsync()).ShouldBe(["public.strata_migrations", "public.strata_migrations_audit", "public.t"], ignoreOrder: true);
        (await database.ScalarAsync<long>("SELECT count(*) FROM t")).ShouldBe(1);
    }

    private static Dictionary<string, string> Variables(Migrations migrations, string database) => new(StringComparer.Ordinal)
    {
        ["DATABASE_URL"] = database,
    };

    private static async Task ExecuteSqliteAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarSqliteAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
