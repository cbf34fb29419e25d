using Npgsql;
using Strata.Execution;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Schema;

/// <summary>The kept scratch database: reused between commands instead of a CREATE and DROP DATABASE each time.</summary>
public sealed class ScratchDatabaseTests : PostgresTestBase
{
    private readonly string _kept = "strata_kept_test_" + Guid.NewGuid().ToString("N")[..12];

    public override async Task DisposeAsync()
    {
        await Server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_kept}\" WITH (FORCE)");
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_kept_scratch_database_survives_a_command_and_the_next_command_finds_it_empty()
    {
        await using (var first = await PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, CancellationToken.None))
        {
            first.IsKept.ShouldBeTrue();
            first.Name.ShouldBe(_kept);
            await ExecuteAsync(first, "CREATE SCHEMA app; CREATE TABLE app.t (id int); CREATE TABLE public.u (id int)");
            (await first.ReadAsync(null, CancellationToken.None)).Tables.Count.ShouldBe(2);
        }

        (await DatabaseExistsAsync(_kept)).ShouldBeTrue("kept, not dropped");
        (await Server.ScalarAsync<string>($"SELECT setting FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase, unnest(s.setconfig) setting WHERE d.datname = '{_kept}'"))
            .ShouldBe("synchronous_commit=off");

        await using var second = await PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, CancellationToken.None);
        second.IsKept.ShouldBeTrue();
        var state = await second.ReadAsync(null, CancellationToken.None);
        state.Tables.ShouldBeEmpty();
        state.Objects.ShouldBeEmpty();
    }

    [Fact]
    public async Task Default_privileges_a_schema_file_set_in_the_kept_scratch_database_do_not_reach_the_next_command()
    {
        var role = await Database.CreateRoleAsync();
        await using (var first = await PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, CancellationToken.None))
        {
            await ExecuteAsync(first, $"ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC; ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO \"{role.Name}\"");
        }

        await using var second = await PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, CancellationToken.None);
        await ExecuteAsync(second, "CREATE TABLE t (id int); CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        var state = await second.ReadAsync(null, CancellationToken.None);
        state.Tables.Count.ShouldBe(1);
        state.Objects.Where(o => o.Kind is Strata.Schema.ObjectKind.Grant or Strata.Schema.ObjectKind.DefaultPrivileges).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_cast_between_built_in_types_a_schema_file_made_in_the_kept_scratch_database_is_gone_for_the_next_command()
    {
        const string Cast = "CREATE CAST (cid AS integer) WITHOUT FUNCTION AS ASSIGNMENT";
        await using (var first = await PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, CancellationToken.None))
        {
            await ExecuteAsync(first, Cast);
            (await first.ReadAsync(null, CancellationToken.None)).Objects.Single().Kind.ShouldBe(Strata.Schema.ObjectKind.Cast);
        }

        await using var second = await PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, CancellationToken.None);
        (await second.ReadAsync(null, CancellationToken.None)).Objects.ShouldBeEmpty();
        await ExecuteAsync(second, Cast);
    }

    [Fact]
    public async Task A_second_command_while_the_kept_scratch_database_is_in_use_gets_a_temporary_one_that_is_dropped()
    {
        await using var first = await PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, CancellationToken.None);
        string temporary;
        await using (var second = await PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, CancellationToken.None))
        {
            second.IsKept.ShouldBeFalse();
            second.Name.ShouldStartWith("strata_scratch_");
            temporary = second.Name;
            await ExecuteAsync(second, "CREATE TABLE t (id int)");
        }

        (await DatabaseExistsAsync(temporary)).ShouldBeFalse();
        first.IsKept.ShouldBeTrue();
    }

    [Fact]
    public async Task A_database_of_the_kept_name_that_Strata_did_not_mark_is_never_emptied()
    {
        await Server.ExecuteAsync($"CREATE DATABASE \"{_kept}\"");
        await using (var connection = new NpgsqlConnection(Server.ConnectionStringFor(_kept)))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE precious (id int)", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using (var scratch = await PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, CancellationToken.None))
        {
            scratch.IsKept.ShouldBeFalse();
        }

        await using var check = new NpgsqlConnection(Server.ConnectionStringFor(_kept));
        await check.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT to_regclass('public.precious') IS NOT NULL", check);
        (await exists.ExecuteScalarAsync()).ShouldBe(true);
    }

    [Fact]
    public async Task Migrations_on_the_scratch_database_share_pooled_connections()
    {
        await using var scratch = await PostgreSqlScratchDatabase.OpenAsync(Database.ConnectionString, _kept, CancellationToken.None);
        var provider = scratch.Provider;
        var pids = new HashSet<int>();
        for (var i = 0; i < 3; i++)
        {
            await using var session = await provider.OpenAsync(new SessionOptions(), CancellationToken.None);
            await session.Executor.ExecuteStatementsAsync("probe", new Strata.Sources.SqlScript($"CREATE TABLE t{i} AS SELECT pg_backend_pid() AS pid", "probe", 1, transactional: false), null, CancellationToken.None);
        }

        await using var connection = new NpgsqlConnection(scratch.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT count(DISTINCT pid) FROM (SELECT pid FROM t0 UNION ALL SELECT pid FROM t1 UNION ALL SELECT pid FROM t2) p", connection);
        (await read.ExecuteScalarAsync()).ShouldBe(1L);
    }

    private static async Task ExecuteAsync(PostgreSqlScratchDatabase scratch, string sql)
    {
        await using var connection = new NpgsqlConnection(scratch.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private Task<bool> DatabaseExistsAsync(string name) => Server.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '{name}')");
}
