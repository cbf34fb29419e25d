namespace Strata.Cli.Tests.Postgres;

/// <summary>node-pg-migrate's layout (samples/postgres-timestamps) on a real PostgreSQL, as a user runs it.</summary>
public sealed class PostgresSampleTests : PostgresCliTest
{
    private const string Accounts = "20240101120000000_create_accounts";
    private const string Transfer = "20240101120000123_transfer_function";
    private const string EmailIndex = "20240102090000000_index_accounts_email";

    [Fact]
    public async Task Seed_003_migrates_works_reports_clean_and_rolls_back_to_nothing()
    {
        Workspace.CopySample("postgres-timestamps");
        var cli = Cli();

        var migrate = await cli.RunAsync("migrate");

        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain(Accounts);
        migrate.Stdout.ShouldContain(Transfer);
        migrate.Stdout.ShouldContain(EmailIndex);
        migrate.Stdout.ShouldContain("Applied 3 migrations");
        (await HistoryRowsAsync()).ShouldBe(3);

        await Database.ExecuteAsync("INSERT INTO accounts (email, balance_cents) VALUES ('a@example.com', 1000), ('b@example.com', 0)");
        await Database.ExecuteAsync("SELECT transfer(1, 2, 250)");
        (await Database.ScalarAsync<long>("SELECT count(*) FROM ledger")).ShouldBe(2);
        (await Database.ScalarAsync<string>("SELECT string_agg(memo || ':' || delta_cents, ',' ORDER BY id) FROM ledger")).ShouldBe("transfer; out:-250,transfer; in:250");
        (await Database.ScalarAsync<long>("SELECT balance_cents FROM accounts WHERE id = 2")).ShouldBe(250);
        var refused = await Should.ThrowAsync<Npgsql.PostgresException>(() => Database.ExecuteAsync("SELECT transfer(1, 2, 0)"));
        refused.MessageText.ShouldBe("amount must be positive; got 0");

        (await Database.ScalarAsync<bool>("SELECT indisvalid FROM pg_index WHERE indexrelid = 'public.accounts_email_key'::regclass")).ShouldBeTrue();
        (await Database.ScalarAsync<bool>("SELECT indisunique FROM pg_index WHERE indexrelid = 'public.accounts_email_key'::regclass")).ShouldBeTrue();

        var status = await cli.RunAsync("status");
        status.ExitCode.ShouldBe(0, status.ToString());
        status.Stdout.ShouldContain("3 applied");
        status.Stdout.ShouldContain("Up to date");

        var again = await cli.RunAsync("migrate");
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Stdout.ShouldContain("up to date");

        await Database.ExecuteAsync("TRUNCATE ledger, accounts");
        var rollback = await cli.RunAsync("rollback", "--to", "0");

        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        rollback.Stdout.ShouldContain(EmailIndex + " (down)");
        rollback.Stdout.ShouldContain(Transfer + " (down)");
        rollback.Stdout.ShouldContain(Accounts + " (down)");
        rollback.Stdout.ShouldContain("Rolled back 3 migrations");
        (await RelationExistsAsync("public.accounts_email_key")).ShouldBeFalse();
        (await Database.ScalarAsync<bool>("SELECT to_regprocedure('public.transfer(bigint,bigint,bigint)') IS NULL")).ShouldBeTrue();
        (await Database.ListTablesAsync("public")).ShouldBe(["strata_migrations", "strata_migrations_audit"]);
        (await HistoryRowsAsync()).ShouldBe(0);
        (await cli.RunAsync("status")).ExitCode.ShouldBe(3);
    }

    [Fact]
    public async Task The_index_is_dropped_concurrently_outside_a_transaction()
    {
        Workspace.CopySample("postgres-timestamps");
        var cli = Cli();
        (await cli.RunAsync("migrate")).ExitCode.ShouldBe(0);

        var plan = await cli.RunAsync("rollback", "--to", "0", "--dry-run");

        plan.ExitCode.ShouldBe(0, plan.ToString());
        var down = DryRunSections(plan.Stdout)[EmailIndex + " (down)"];
        var drop = down.FindIndex(l => l.StartsWith("DROP INDEX CONCURRENTLY accounts_email_key", StringComparison.Ordinal));
        drop.ShouldBeGreaterThan(0, plan.Stdout);
        down.FindIndex(l => l.StartsWith("-- no transaction", StringComparison.Ordinal)).ShouldBeInRange(0, drop - 1);
        OpenTransactions(down, drop).ShouldBe(0, "DROP INDEX CONCURRENTLY must not be inside BEGIN/COMMIT:\n" + plan.Stdout);
        (await RelationExistsAsync("public.accounts_email_key")).ShouldBeTrue("a dry run changes nothing");

        // PostgreSQL itself refuses DROP INDEX CONCURRENTLY inside a transaction block (25001), so success proves it.
        var rollback = await cli.RunAsync("rollback", "--steps", "1");
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        (await RelationExistsAsync("public.accounts_email_key")).ShouldBeFalse();
        (await RelationExistsAsync("public.accounts")).ShouldBeTrue();
    }

    [Fact]
    public async Task Dry_run_wraps_transactional_migrations_in_begin_commit_and_marks_the_no_transaction_one()
    {
        Workspace.CopySample("postgres-timestamps");

        var dry = await Cli().RunAsync("migrate", "--dry-run");

        dry.ExitCode.ShouldBe(0, dry.ToString());
        dry.Stdout.ShouldContain("Dry run: 3 migrations would run");
        dry.Stdout.ShouldContain("Nothing has been changed");
        var sections = DryRunSections(dry.Stdout);
        foreach (var transactional in new[] { Accounts + " (up)", Transfer + " (up)" })
        {
            var sql = sections[transactional];
            sql.First(l => l.Length > 0).ShouldBe("BEGIN;", dry.Stdout);
            sql.Last(l => l.Length > 0).ShouldBe("COMMIT;", dry.Stdout);
            sql.Count(l => l == "BEGIN;").ShouldBe(1, dry.Stdout);
        }

        sections[Transfer + " (up)"].ShouldContain("    INSERT INTO ledger (account_id, delta_cents, memo) VALUES (from_id, -cents, 'transfer; out');");
        var index = sections[EmailIndex + " (up)"];
        var create = index.FindIndex(l => l.StartsWith("CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key", StringComparison.Ordinal));
        create.ShouldBeGreaterThan(0, dry.Stdout);
        index.FindIndex(l => l.StartsWith("-- no transaction: statements run one by one", StringComparison.Ordinal)).ShouldBeInRange(0, create - 1);
        OpenTransactions(index, create).ShouldBe(0, "CREATE INDEX CONCURRENTLY must not be inside BEGIN/COMMIT:\n" + dry.Stdout);
        (await Database.ListTablesAsync()).ShouldBeEmpty("a dry run creates nothing, not even the history table");
    }

    [Fact]
    public async Task Dry_run_prints_the_exact_sql_without_breaking_long_lines()
    {
        var words = string.Join(' ', Enumerable.Range(1, 60).Select(i => "word" + i));
        var comment = $"COMMENT ON TABLE notes IS '{words}';";
        Workspace.Write("001_notes.sql", "CREATE TABLE notes (id int);\n" + comment + "\n");

        var dry = await Cli().RunAsync("migrate", "--dry-run");

        dry.ExitCode.ShouldBe(0, dry.ToString());
        var lines = dry.Stdout.Split('\n');
        lines.ShouldContain(comment, "a dry run must print the migration's SQL unchanged; a line break inside the string literal changes it:\n" + dry.Stdout);
        lines.ShouldContain(l => l.StartsWith("INSERT INTO \"public\".\"strata_migrations\"", StringComparison.Ordinal) && l.EndsWith(';'), dry.Stdout);
    }

    /// <summary>The dry-run output split at its <c>-- name (direction) from path</c> headers.</summary>
    private static Dictionary<string, List<string>> DryRunSections(string stdout)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in stdout.Split('\n'))
        {
            var from = line.IndexOf(") from ", StringComparison.Ordinal);
            if (line.StartsWith("-- ", StringComparison.Ordinal) && from > 0)
            {
                current = [];
                sections[line[3..(from + 1)]] = current;
            }
            else
            {
                current?.Add(line);
            }
        }

        return sections;
    }

    /// <summary>How many <c>BEGIN;</c> are still open before line <paramref name="before"/>.</summary>
    private static int OpenTransactions(List<string> lines, int before) =>
        lines.Take(before).Count(l => l == "BEGIN;") - lines.Take(before).Count(l => l == "COMMIT;");
}
