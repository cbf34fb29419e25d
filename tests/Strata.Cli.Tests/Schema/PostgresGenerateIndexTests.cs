using Strata.Cli.Tests.Postgres;

namespace Strata.Cli.Tests.Schema;

/// <summary>
/// generate on PostgreSQL builds indexes of tables that already exist with CREATE INDEX CONCURRENTLY in a
/// -- strata:no-transaction migration of their own, so Strata's lint does not warn about Strata's output (issue 12 item 15).
/// </summary>
public sealed class PostgresGenerateIndexTests : PostgresCliTest
{
    [Fact]
    public async Task Generate_builds_an_index_on_an_existing_table_concurrently_in_its_own_migration_that_lint_passes()
    {
        Workspace.Write("001_users.sql", "CREATE TABLE users (id int PRIMARY KEY, email text);\n-- strata:down\nDROP TABLE users;\n");
        SchemaWorkflow.WriteRoot(Workspace, "schema.sql", """
            CREATE TABLE users (id int PRIMARY KEY, email text, name text);
            CREATE UNIQUE INDEX users_email_idx ON users (email);
            CREATE TABLE orders (id int PRIMARY KEY, user_id int);
            CREATE INDEX orders_user_idx ON orders (user_id);
            """);
        (await Cli().RunAsync("migrate")).ExitCode.ShouldBe(0);

        var generate = await Cli().RunAsync("generate", "orders");

        generate.ExitCode.ShouldBe(0, generate.ToString());
        generate.Stdout.ShouldContain("created migrations/002_orders.sql, migrations/003_orders_indexes.sql");
        var main = File.ReadAllText(Path.Combine(Workspace.Migrations, "002_orders.sql"));
        var indexes = File.ReadAllText(Path.Combine(Workspace.Migrations, "003_orders_indexes.sql"));
        main.ShouldContain("orders_user_idx", customMessage: "an index of a table the same migration creates stays with it");
        main.ShouldNotContain("users_email_idx");
        indexes.ShouldContain("-- strata:no-transaction");
        indexes.ShouldContain("DROP INDEX CONCURRENTLY IF EXISTS public.users_email_idx;\nCREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON public.users");
        indexes.Split("-- strata:down")[1].ShouldContain("DROP INDEX CONCURRENTLY IF EXISTS public.users_email_idx");
        var lint = await Cli().RunAsync("lint");
        lint.Stdout.ShouldNotContain("create-index-non-concurrently");
        lint.Stdout.ShouldNotContain("concurrent-index-not-rerunnable");
        lint.Stdout.ShouldNotContain("concurrently-in-transaction");
        (await Cli().RunAsync("migrate")).ExitCode.ShouldBe(0);
        (await RelationExistsAsync("public.users_email_idx")).ShouldBeTrue();
        var rollback = await Cli().RunAsync("rollback");
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        (await RelationExistsAsync("public.users_email_idx")).ShouldBeFalse();
        (await Cli().RunAsync("migrate")).ExitCode.ShouldBe(0);
        (await Cli().RunAsync("diff", "--exit-code")).ExitCode.ShouldBe(0);
    }
}
