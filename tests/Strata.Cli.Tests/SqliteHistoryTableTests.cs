namespace Strata.Cli.Tests;

/// <summary>
/// Issue 14 on SQLite: <c>history.table</c> naming a table that is not Strata's history (Knex's <c>knex_migrations</c>,
/// or any other table) is bad input, exit 2 with the fix, never a driver error.
/// </summary>
public sealed class SqliteHistoryTableTests
{
    [Fact]
    public async Task History_table_pointed_at_knex_migrations_is_refused_naming_knex()
    {
        using var workspace = new Workspace()
            .Write("1_knex.sql", "CREATE TABLE knex_migrations (id integer PRIMARY KEY, name varchar(255), batch integer, migration_time datetime);\n");
        (await workspace.Cli().RunAsync("migrate")).ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), """{ "history": { "table": "knex_migrations" } }""");

        var status = await workspace.Cli().RunAsync("status");

        status.ExitCode.ShouldBe(2, status.ToString());
        status.Stderr.ShouldContain("history.table \"knex_migrations\" (strata.json) is knex's history table, not Strata's");
    }

    [Fact]
    public async Task History_table_pointed_at_an_ordinary_table_says_it_is_not_a_strata_history_table()
    {
        using var workspace = new Workspace().Write("1_accounts.sql", "CREATE TABLE accounts (id integer);\n");
        (await workspace.Cli().RunAsync("migrate")).ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), """{ "history": { "table": "accounts" } }""");

        var migrate = await workspace.Cli().RunAsync("migrate");

        migrate.ExitCode.ShouldBe(2, migrate.ToString());
        migrate.Stderr.ShouldContain("accounts is not a Strata history table (no such column: version); nothing was changed");
        migrate.Stderr.ShouldContain("history.table in strata.json");
    }
}
