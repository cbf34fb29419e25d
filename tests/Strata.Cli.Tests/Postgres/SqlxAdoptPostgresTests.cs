using System.Security.Cryptography;
using System.Text;

namespace Strata.Cli.Tests.Postgres;

/// <summary>
/// `strata adopt --from sqlx` on PostgreSQL (SQLite: Adopt/SqlxAdoptTests): _sqlx_migrations as sqlx-postgres writes it
/// (checksum BYTEA = SHA-384 of the file), adopted by version with the checksum compared (ADR 030), then the next
/// migration applies and rolls back and sqlx's table is unchanged.
/// </summary>
public sealed class SqlxAdoptPostgresTests : PostgresCliTest
{
    // sqlx-postgres/src/migrate.rs ensure_migrations_table.
    private const string SqlxTable = """
        CREATE TABLE IF NOT EXISTS _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
          success BOOLEAN NOT NULL, checksum BYTEA NOT NULL, execution_time BIGINT NOT NULL)
        """;

    private const string Users = "CREATE TABLE users (id int);\n";
    private const string Email = "ALTER TABLE users ADD email text;\n";

    [Fact]
    public async Task Sqlx_postgres_history_is_adopted_by_version_and_sha384()
    {
        Workspace.Write("20240101000000_users.sql", Users).Write("20240102000000_email.up.sql", Email).Write("20240102000000_email.down.sql", "ALTER TABLE users DROP email;\n");
        Config();
        await Database.ExecuteAsync($"""
            {SqlxTable};
            INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES
              (20240101000000, 'users', true, '\x{Sha384(Users)}', 1200), (20240102000000, 'email', true, '\x{Sha384(Email)}', 900);
            CREATE TABLE users (id int, email text);
            """);
        var before = await TableTextAsync();

        var unadopted = await Cli().RunAsync("status");
        var adopt = await Cli().RunAsync("adopt", "--from", "sqlx");
        var status = await Cli().RunAsync("status");
        Workspace.Write("20240103000000_name.up.sql", "ALTER TABLE users ADD name text;\n").Write("20240103000000_name.down.sql", "ALTER TABLE users DROP name;\n");
        var migrate = await Cli().RunAsync("migrate");
        var rollback = await Cli().RunAsync("rollback");

        unadopted.ExitCode.ShouldBe(2, unadopted.ToString());
        unadopted.Stderr.ShouldContain("this database was migrated by another tool: _sqlx_migrations (sqlx: 2 migration(s), newest 20240102000000)");
        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        adopt.Stdout.ShouldContain("20240101000000: SHA-384 matches");
        adopt.Stdout.ShouldContain("20240102000000: SHA-384 matches");
        adopt.Stdout.ShouldContain("recorded 2 migration(s) from sqlx's _sqlx_migrations (left unchanged)");
        status.ExitCode.ShouldBe(0, status.ToString());
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("Applied 1 migration");
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        (await TableTextAsync()).ShouldBe(before, "sqlx's table is left as it wrote it");
    }

    [Fact]
    public async Task Sqlx_postgres_partially_applied_migration_is_refused()
    {
        Workspace.Write("1_users.sql", Users);
        Config();
        await Database.ExecuteAsync($"{SqlxTable}; INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (1, 'users', false, '\\x{Sha384(Users)}', -1)");

        var migrate = await Cli().RunAsync("migrate");
        var adopt = await Cli().RunAsync("adopt");

        migrate.ExitCode.ShouldBe(2, migrate.ToString());
        migrate.Stderr.ShouldContain("_sqlx_migrations (sqlx: a failed or locked run)");
        adopt.ExitCode.ShouldBe(2, adopt.ToString());
        adopt.Stderr.ShouldContain("sqlx recorded migration 1 (users) as partially applied (success = false)");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'users'")).ShouldBe(0, "migrate applied nothing");
    }

    private Task<string?> TableTextAsync() => Database.ScalarAsync<string>("SELECT string_agg(t::text, E'\\n' ORDER BY t::text) FROM _sqlx_migrations t");

    private static string Sha384(string text) => Convert.ToHexStringLower(SHA384.HashData(Encoding.UTF8.GetBytes(text)));

    private void Config() => File.WriteAllText(Path.Combine(Workspace.Root, "strata.json"), "{ \"migrations\": \"migrations\", \"layout\": \"sqlx\" }");
}
