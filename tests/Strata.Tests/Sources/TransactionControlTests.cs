using Strata.Sources;
using Strata.Sql;

namespace Strata.Tests.Sources;

/// <summary>Issue 13 item 1: transaction control in a file is run the way psql runs it, not refused.</summary>
public sealed class TransactionControlTests
{
    [Theory]
    [InlineData("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n")]
    [InlineData("-- header\nSTART TRANSACTION;\nCREATE TABLE t (a int);\nEND;\n")]
    [InlineData("begin work;\nCREATE TABLE t (a int);\ncommit transaction;")]
    public async Task An_outer_begin_commit_wrapper_is_dropped_and_the_body_stays_transactional(string text)
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", text);

        var up = (SqlScript)(await folder.LoadAsync()).ShouldHaveSingleItem().Up;

        up.Transactional.ShouldBeTrue();
        up.ManagesTransactions.ShouldBeFalse();
        var statements = SqlSplitter.Split(up.Sql, Dialect.PostgreSql);
        statements.ShouldHaveSingleItem().Text.ShouldBe("CREATE TABLE t (a int)");
        statements[0].Line.ShouldBe(text.Split('\n').ToList().FindIndex(l => l.StartsWith("CREATE", StringComparison.Ordinal)) + 1);
    }

    [Fact]
    public async Task A_wrapper_in_a_crlf_file_keeps_every_other_character_and_line()
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", "BEGIN;\r\nINSERT INTO t VALUES ('a\r\nb');\r\nCOMMIT;\r\n");

        var up = (SqlScript)(await folder.LoadAsync()).ShouldHaveSingleItem().Up;

        up.Sql.ShouldBe("     ;\r\nINSERT INTO t VALUES ('a\r\nb');\r\n      ;\r\n");
    }

    [Theory]
    [InlineData("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\nBEGIN;\nCREATE TABLE u (a int);\nCOMMIT;\n")]
    [InlineData("CREATE TABLE t (a int);\nCOMMIT;\n")]
    [InlineData("CREATE TABLE t (a int);\nROLLBACK;\n")]
    [InlineData("BEGIN ISOLATION LEVEL SERIALIZABLE;\nCREATE TABLE t (a int);\nCOMMIT;\n")]
    [InlineData("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT AND CHAIN;\nCOMMIT;\n")]
    public async Task Transaction_control_inside_a_file_makes_it_run_as_written(string text)
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", text);

        var up = (SqlScript)(await folder.LoadAsync()).ShouldHaveSingleItem().Up;

        up.Transactional.ShouldBeFalse();
        up.ManagesTransactions.ShouldBeTrue();
        up.Sql.ShouldBe(text);
    }

    [Fact]
    public async Task The_down_section_gets_its_own_shape()
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", "CREATE TABLE t (a int);\n-- strata:down\nBEGIN;\nDROP TABLE t;\nCOMMIT;\n");

        var migration = (await folder.LoadAsync()).ShouldHaveSingleItem();

        migration.Up.Transactional.ShouldBeTrue();
        migration.Down.ShouldNotBeNull().Transactional.ShouldBeTrue();
        SqlSplitter.Split(((SqlScript)migration.Down).Sql, Dialect.PostgreSql).ShouldHaveSingleItem().Text.ShouldBe("DROP TABLE t");
    }

    [Theory]
    [InlineData("-- strata:no-transaction\nBEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n")]
    [InlineData("SAVEPOINT s;\nCREATE TABLE t (a int);\nROLLBACK TO SAVEPOINT s;\nRELEASE s;\n")]
    [InlineData("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\n")]
    [InlineData("DO $$ BEGIN PERFORM 1; END $$;\n")]
    public async Task No_transaction_migrations_savepoints_and_bodies_are_not_transaction_control(string text)
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", text);

        var up = (SqlScript)(await folder.LoadAsync()).ShouldHaveSingleItem().Up;

        up.ManagesTransactions.ShouldBeFalse();
        up.Sql.ShouldBe(text);
    }

    [Fact]
    public async Task Sqlite_trigger_bodies_are_not_transaction_statements()
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", "CREATE TABLE t (a int);\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET a = 1; END;\n");

        var up = (await folder.LoadAsync(Dialect.Sqlite)).ShouldHaveSingleItem().Up;

        up.Transactional.ShouldBeTrue();
    }

    [Theory]
    [InlineData("-- This migration does nothing on PostgreSQL.\n", true)]
    [InlineData("/* placeholder */\n", true)]
    [InlineData("-- strata:no-transaction\n", false)]
    [InlineData("-- x: the change. Runs in a transaction; put '-- strata:no-transaction' on the first line for CREATE INDEX CONCURRENTLY.\n\n\n-- strata:down\n-- Undo the change here (run by strata rollback).\n\n", false)]
    public async Task A_comment_only_file_is_a_valid_no_op_but_an_unwritten_one_is_refused(string text, bool valid)
    {
        using var folder = new TempMigrationFolder().Write("1_x.sql", text);

        if (valid)
        {
            var migration = (await folder.LoadAsync()).ShouldHaveSingleItem();
            SqlSplitter.Split(((SqlScript)migration.Up).Sql, Dialect.PostgreSql).ShouldBeEmpty();
        }
        else
        {
            (await folder.SingleProblemAsync()).Message.ShouldContain("no SQL");
        }
    }

    [Fact]
    public async Task A_comment_only_down_section_is_a_no_op_rollback_and_the_template_one_is_none()
    {
        using var folder = new TempMigrationFolder()
            .Write("1_x.sql", "CREATE TABLE t (a int);\n-- strata:down\n-- nothing to undo: the table is kept\n")
            .Write("2_y.sql", "CREATE TABLE u (a int);\n-- strata:down\n-- Undo the change here (run by strata rollback).\n");

        var migrations = await folder.LoadAsync();

        migrations[0].Down.ShouldNotBeNull();
        migrations[1].Down.ShouldBeNull();
    }
}
