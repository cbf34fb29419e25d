using System.Security.Cryptography;
using System.Text;

namespace Strata.Cli.Tests.Adopt;

/// <summary>
/// `strata adopt --from sqlx` on SQLite (the PostgreSQL side: Postgres/AdoptHistoryTableTests): _sqlx_migrations as
/// sqlx-sqlite writes it, rows mapped by version, the SHA-384 sqlx keeps compared with the file (ADR 030), a
/// partially applied migration (success = false) refused with sqlx's own fix.
/// </summary>
public sealed class SqlxAdoptTests
{
    private const string Users = "CREATE TABLE users (id integer);\n";

    [Fact]
    public async Task Sqlx_sqlite_history_is_adopted_by_version_and_sha384()
    {
        using var workspace = new Workspace().Write("20240101000000_users.sql", Users)
            .Write("20240102000000_email.up.sql", "ALTER TABLE users ADD email text;\n").Write("20240102000000_email.down.sql", "ALTER TABLE users DROP COLUMN email;\n");
        SqliteAdoption.Config(workspace, "sqlx");
        await SqliteAdoption.ExecuteAsync(workspace, $"""
            {SqliteAdoptHistoryTableTests.SqlxTable};
            INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES
              (20240101000000, 'users', 1, X'{Sha384(Users)}', 1200), (20240102000000, 'email', 1, X'{Sha384("ALTER TABLE users ADD email text;\n")}', 900);
            CREATE TABLE users (id integer, email text);
            """);

        var adopted = await SqliteAdoption.AdoptAndContinueAsync(workspace, "_sqlx_migrations", "sqlx", ["20240101000000_users", "20240102000000_email"],
            ("20240103000000_name.up.sql", "ALTER TABLE users ADD name text;\n"), ("20240103000000_name.down.sql", "ALTER TABLE users DROP COLUMN name;\n"));

        adopted.ShouldContain("20240101000000: SHA-384 matches");
        adopted.ShouldContain("20240102000000: SHA-384 matches");
    }

    [Fact]
    public async Task Sqlx_file_that_differs_from_its_sha384_is_refused_and_nothing_is_written()
    {
        using var workspace = new Workspace().Write("1_users.sql", "CREATE TABLE users (id integer, edited integer);\n");
        SqliteAdoption.Config(workspace, "sqlx");
        await SqliteAdoption.ExecuteAsync(workspace, $"{SqliteAdoptHistoryTableTests.SqlxTable}; INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (1, 'users', 1, X'{Sha384(Users)}', 1)");

        var adopt = await workspace.Cli().RunAsync("adopt", "--from", "sqlx");
        var status = await workspace.Cli().RunAsync("status");

        adopt.ExitCode.ShouldBe(2, adopt.ToString());
        adopt.Stderr.ShouldContain("1 row(s) of _sqlx_migrations do not match the files: 1: the file differs from what sqlx applied; nothing was changed");
        status.ExitCode.ShouldBe(2, "the history is still empty: " + status);
    }

    [Fact]
    public async Task Sqlx_checksum_taken_with_whitespace_ignored_matches_a_file_with_other_line_endings()
    {
        // sqlx.toml `migrate.ignored-chars = [" ", "\t", "\r", "\n"]`: sqlx hashed the file without them; the file here has CRLF.
        using var workspace = new Workspace().Write("1_users.sql", "CREATE TABLE users (id integer);\r\n");
        SqliteAdoption.Config(workspace, "sqlx");
        await SqliteAdoption.ExecuteAsync(workspace, $"{SqliteAdoptHistoryTableTests.SqlxTable}; INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (1, 'users', 1, X'{Sha384("CREATETABLEusers(idinteger);")}', 1); {Users}");

        var adopt = await workspace.Cli().RunAsync("adopt");

        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        adopt.Stdout.ShouldContain("1: SHA-384 matches ignoring whitespace (sqlx.toml ignored-chars)");
    }

    [Fact]
    public async Task Sqlx_partially_applied_migration_is_refused_naming_the_row_to_delete()
    {
        using var workspace = new Workspace().Write("1_users.sql", Users).Write("2_email.sql", "ALTER TABLE users ADD email text;\n");
        SqliteAdoption.Config(workspace, "sqlx");
        await SqliteAdoption.ExecuteAsync(workspace, $"""
            {SqliteAdoptHistoryTableTests.SqlxTable};
            INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (1, 'users', 1, X'{Sha384(Users)}', 1), (2, 'email', 0, X'{Sha384("x")}', -1);
            """);

        var status = await workspace.Cli().RunAsync("status");
        var adopt = await workspace.Cli().RunAsync("adopt");

        status.ExitCode.ShouldBe(2, status.ToString());
        status.Stderr.ShouldContain("`strata adopt --from sqlx`");
        adopt.ExitCode.ShouldBe(2, adopt.ToString());
        adopt.Stderr.ShouldContain("sqlx recorded migration 2 (email) as partially applied (success = false); nothing was changed");
        adopt.Stderr.ShouldContain("DELETE FROM _sqlx_migrations WHERE version = 2");
    }

    private static string Sha384(string text) => Convert.ToHexString(SHA384.HashData(Encoding.UTF8.GetBytes(text)));
}
