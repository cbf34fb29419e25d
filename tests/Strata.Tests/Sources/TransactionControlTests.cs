using Strata.Sql;

namespace Strata.Tests.Sources;

public sealed class TransactionControlTests
{
    [Theory]
    [InlineData("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n", 2)]
    [InlineData("START TRANSACTION;\nCREATE TABLE t (a int);\nEND;\n", 2)]
    [InlineData("CREATE TABLE t (a int);\nROLLBACK;\n", 1)]
    [InlineData("CREATE TABLE t (a int);\n-- strata:down\nBEGIN;\nDROP TABLE t;\nCOMMIT;\n", 2)]
    public async Task Transaction_statements_in_a_transactional_migration_are_refused_with_the_fix(string text, int count)
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", text);

        var problems = await folder.ProblemsAsync();

        problems.Count.ShouldBe(count);
        problems.ShouldAllBe(p => p.Message.Contains("-- strata:no-transaction") && p.Message.Contains("controls the transaction"));
    }

    [Theory]
    [InlineData("-- strata:no-transaction\nBEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n")]
    [InlineData("SAVEPOINT s;\nCREATE TABLE t (a int);\nROLLBACK TO SAVEPOINT s;\nRELEASE s;\n")]
    [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\n")]
    [InlineData("DO $$ BEGIN PERFORM 1; END $$;\n")]
    public async Task No_transaction_migrations_savepoints_and_bodies_are_fine(string text)
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", text);

        (await folder.LoadAsync()).ShouldHaveSingleItem().Checksum.Length.ShouldBe(64);
    }

    [Fact]
    public async Task Sqlite_trigger_bodies_are_not_transaction_statements()
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", "CREATE TABLE t (a int);\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1; END;\n");

        (await folder.LoadAsync(SqlFlavor.Sqlite)).ShouldHaveSingleItem().Checksum.Length.ShouldBe(64);
    }
}
