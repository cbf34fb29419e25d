using Strata.Conformance;
using Strata.Errors;
using Strata.Execution;
using Strata.Planning;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests;

/// <summary>R10: an unfinished no-transaction migration names the invalid index it probably left behind.</summary>
[PostgresMatrix]
public sealed class InvalidIndexTests : PostgresTestBase
{
    [Fact]
    public async Task Migrate_and_status_name_the_invalid_index_of_an_unfinished_migration()
    {
        var set = new MigrationSet()
            .Add(1, "create_t", "CREATE TABLE t (id int);", "DROP TABLE t;")
            .Add(2, "index_t", "CREATE INDEX CONCURRENTLY t_id ON t (id);", "DROP INDEX CONCURRENTLY t_id;", transactional: false);
        var migrator = new Migrator(new PostgreSqlDialect(Database.ConnectionString), set);
        await migrator.MigrateAsync();
        // What a kill -9 during CREATE INDEX CONCURRENTLY leaves: an invalid index and a started history row.
        await Database.ExecuteAsync("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 't_id'::regclass");
        await Database.ExecuteAsync("UPDATE strata_migrations SET state = 'started' WHERE version = 2");

        var error = await Should.ThrowAsync<ValidationException>(() => migrator.MigrateAsync());
        var status = await migrator.GetStatusAsync();

        error.Category.ShouldBe(ErrorCategory.BadInput);
        error.Message.ShouldContain("public.t_id");
        error.Message.ShouldContain("strata mark-rolled-back 2");
        status.InvalidIndexes.ShouldBe(["public.t_id"]);
        status.Entries.Single(e => e.Version == 2).Status.ShouldBe(MigrationStatusKind.Unfinished);
    }
}
