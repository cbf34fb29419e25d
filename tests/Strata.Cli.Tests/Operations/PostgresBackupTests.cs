using System.Text.Json;
using Npgsql;
using Strata.Cli.Tests.Postgres;
using Strata.TestSupport;

namespace Strata.Cli.Tests.Operations;

/// <summary>strata backup / restore / migrate --backup on PostgreSQL through pg_dump -Fc and pg_restore, as a user runs them.</summary>
public sealed class PostgresBackupTests : PostgresCliTest
{
    [Fact]
    public async Task Backup_then_a_failed_migrate_then_restore_gives_back_the_exact_pg_dump_of_before()
    {
        Shop();
        var cli = Client();
        (await cli.RunAsync("migrate", "--target", "2")).ExitCode.ShouldBe(0);
        var before = await DumpAsync(Database.Name);

        var failed = await cli.RunAsync("migrate", "--backup");

        failed.ExitCode.ShouldBe(4, failed.ToString());
        var backup = "backups/" + Path.GetFileName(Directory.GetFiles(Path.Combine(Workspace.Root, "backups")).ShouldHaveSingleItem());
        backup.ShouldMatch($@"^backups/{Database.Name}-\d{{8}}T\d{{6}}Z-v2\.dump$");
        failed.Stderr.ShouldContain($"strata restore {backup} --replace");
        (await DumpAsync(Database.Name)).ShouldNotBe(before, "003 committed before 004 failed");

        var copyName = Database.Name + "_copy";
        try
        {
            var copy = await cli.RunAsync("restore", backup, "--into", copyName, "--json");
            copy.ExitCode.ShouldBe(0, copy.ToString());
            using (var json = JsonDocument.Parse(copy.Stdout))
            {
                json.RootElement.GetProperty("database").GetString().ShouldEndWith("/" + copyName);
            }

            (await DumpAsync(copyName)).ShouldBe(before);
        }
        finally
        {
            await DropAsync(copyName);
        }

        var replaced = await cli.RunAsync("restore", backup, "--replace", "--yes");

        replaced.ExitCode.ShouldBe(0, replaced.ToString());
        (await DumpAsync(Database.Name)).ShouldBe(before);
        (await cli.RunAsync("migrate", "--target", "3")).ExitCode.ShouldBe(0, "the restored database migrates on");
    }

    [Fact]
    public async Task Backup_without_pg_dump_exits_2_saying_what_to_install()
    {
        Shop();
        using var empty = new TempDirectory();

        var result = await Cli().With("STRATA_PG_BIN", empty.Path).RunAsync("backup");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"no pg_dump and pg_restore in {empty.Path}");
        result.Stderr.ShouldContain($"postgresql-client-{Server.VersionNumber / 10000}");
        Directory.Exists(Path.Combine(Workspace.Root, "backups")).ShouldBeFalse();
    }

    [Fact]
    public async Task Restore_refuses_a_bad_file_and_an_existing_database_and_a_protected_environment_with_exit_2()
    {
        Shop();
        File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), """{ "environments": { "development": {}, "production": { "protected": true } } }""");
        var cli = Client();
        (await cli.RunAsync("migrate", "--target", "1")).ExitCode.ShouldBe(0);
        (await cli.RunAsync("backup")).ExitCode.ShouldBe(0);
        var backup = "backups/" + Path.GetFileName(Directory.GetFiles(Path.Combine(Workspace.Root, "backups")).Single());
        File.WriteAllText(Path.Combine(Workspace.Root, "plain.sql"), "-- PostgreSQL database dump\nSET statement_timeout = 0;\n");

        var plain = await cli.RunAsync("restore", "plain.sql");
        var existing = await cli.RunAsync("restore", backup, "--into", Database.Name);
        var protectedRun = await cli.RunAsync("restore", backup, "--env", "production");

        plain.ExitCode.ShouldBe(2, plain.ToString());
        plain.Stderr.ShouldContain("plain.sql: a plain SQL dump");
        existing.ExitCode.ShouldBe(2, existing.ToString());
        existing.Stderr.ShouldContain($"database '{Database.Name}' already exists");
        protectedRun.ExitCode.ShouldBe(2, protectedRun.ToString());
        protectedRun.Stderr.ShouldContain("environment 'production' is protected");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname LIKE $1", Database.Name + "_restored%")).ShouldBe(0);
    }

    /// <summary>Drops a database through a connection of its own: the test database's pooled ones would count as sessions on it.</summary>
    private async Task DropAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\"", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private Cli Client() => Cli().With("STRATA_PG_BIN", PgDumpText.ClientDirectory(Server.VersionNumber));

    private Task<string> DumpAsync(string database) => PgDumpText.OfAsync(Database.ConnectionString, database, Server.VersionNumber);

    private void Shop() => Workspace
        .Write("001_users.sql", "CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, tags text[]);\nINSERT INTO users (name, tags) VALUES ('ada', '{a,b}'), ('grace', NULL);\n")
        .Write("002_orders.sql", "CREATE TYPE state AS ENUM ('new', 'paid');\nCREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id int REFERENCES users (id), total numeric(10,2), state state DEFAULT 'new');\nINSERT INTO orders (user_id, total) VALUES (1, 9.50);\nCREATE VIEW paid AS SELECT * FROM orders WHERE state = 'paid';\nCOMMENT ON TABLE users IS 'people';\n")
        .Write("003_index.sql", "CREATE INDEX orders_user ON orders (user_id);\nUPDATE users SET name = upper(name);\n")
        .Write("004_broken.sql", "ALTER TABLE orders ADD COLUMN note text;\nINSERT INTO missing_table VALUES (1);\n");
}
