using Strata.Errors;
using Strata.History;
using Strata.Planning;
using Strata.Sources;

namespace Strata.Conformance;

/// <summary>
/// Issue 13 item 1: folders psql applies, Strata applies the same way: a file wrapped in one outer
/// <c>BEGIN; … COMMIT;</c> commits atomically with its history row, a file with transaction control inside runs as
/// written, a comment-only file is a no-op migration (and a comment-only down a no-op rollback).
/// </summary>
public abstract class PsqlCompatibilityConformance(IConformanceTarget target) : ConformanceBase(target)
{
    [Fact]
    public async Task A_file_wrapped_in_begin_commit_applies_atomically_with_its_history_row()
    {
        await using var db = await Target.CreateDatabaseAsync();
        using var folder = new Folder()
            .Write("1_t1.sql", "BEGIN;\nCREATE TABLE t1 (id INTEGER);\nCOMMIT;\n")
            .Write("2_t2.sql", "-- wrapped, failing at its last statement\nBEGIN;\nCREATE TABLE t2 (id INTEGER);\nINSERT INTO missing_table VALUES (1);\nCOMMIT;\n");
        var source = new DirectoryMigrationSource(folder.Path);

        (await source.LoadAsync(Dialect.PostgreSql, CancellationToken.None))[0].Up.Transactional.ShouldBeTrue();
        await Should.ThrowAsync<MigrationFailedException>(() => Migrator(db, source).MigrateAsync());

        (await db.TableExistsAsync("t1")).ShouldBeTrue();
        (await db.TableExistsAsync("t2")).ShouldBeFalse("the body of a wrapped file commits with its history row, or not at all");
        (await AppliedVersionsAsync(db)).ShouldBe([1L]);
    }

    [Fact]
    public async Task A_file_with_a_commit_inside_runs_as_written_and_is_recorded_started_then_finished()
    {
        await using var db = await Target.CreateDatabaseAsync();
        using var folder = new Folder()
            .Write("1_two_transactions.sql", "BEGIN;\nCREATE TABLE t1 (id INTEGER);\nCOMMIT;\nBEGIN;\nCREATE TABLE t2 (id INTEGER);\nCOMMIT;\n")
            .Write("2_rolled_back.sql", "CREATE TABLE t3 (id INTEGER);\nBEGIN;\nCREATE TABLE t4 (id INTEGER);\nROLLBACK;\n");
        var source = new DirectoryMigrationSource(folder.Path);
        var migrations = await source.LoadAsync(Dialect.PostgreSql, CancellationToken.None);

        await Migrator(db, source).MigrateAsync();

        migrations.ShouldAllBe(m => !m.Up.Transactional && ((SqlScript)m.Up).ManagesTransactions);
        (await db.TableExistsAsync("t1")).ShouldBeTrue();
        (await db.TableExistsAsync("t2")).ShouldBeTrue();
        (await db.TableExistsAsync("t3")).ShouldBeTrue();
        (await db.TableExistsAsync("t4")).ShouldBeFalse("psql rolls t4 back, and so does the file run as written");
        (await ReadHistoryAsync(db)).ShouldAllBe(r => r.State == MigrationState.Succeeded);
        (await AppliedVersionsAsync(db)).ShouldBe([1L, 2L]);
    }

    [Fact]
    public async Task A_comment_only_file_is_a_no_op_migration_and_a_comment_only_down_a_no_op_rollback()
    {
        await using var db = await Target.CreateDatabaseAsync();
        using var folder = new Folder()
            .Write("1_t1.up.sql", "CREATE TABLE t1 (id INTEGER);\n")
            .Write("1_t1.down.sql", "DROP TABLE t1;\n")
            .Write("2_placeholder.up.sql", "-- This migration is intentionally empty for this dialect.\n")
            .Write("2_placeholder.down.sql", "-- This file should undo anything in `up.sql`\n");
        var source = new DirectoryMigrationSource(folder.Path);

        await Migrator(db, source).MigrateAsync();
        (await AppliedVersionsAsync(db)).ShouldBe([1L, 2L]);
        await Migrator(db, source).RollbackAsync(new RollbackOptions { Steps = 1 });

        (await AppliedVersionsAsync(db)).ShouldBe([1L]);
        (await db.TableExistsAsync("t1")).ShouldBeTrue();
    }

    [Fact]
    public async Task No_transaction_in_the_header_covers_the_down_section()
    {
        await using var db = await Target.CreateDatabaseAsync();
        using var folder = new Folder().Write("1_t1.sql", "-- strata:no-transaction\nCREATE TABLE t1 (id INTEGER);\n\n-- strata:down\nDROP TABLE t1;\n");
        var source = new DirectoryMigrationSource(folder.Path);

        var migration = (await source.LoadAsync(Dialect.PostgreSql, CancellationToken.None)).ShouldHaveSingleItem();

        migration.Down.ShouldNotBeNull().Transactional.ShouldBeFalse();
        await Migrator(db, source).MigrateAsync();
        await Migrator(db, source).RollbackAsync(new RollbackOptions { Steps = 1 });
        (await db.TableExistsAsync("t1")).ShouldBeFalse();
    }

    /// <summary>A temporary migrations folder.</summary>
    private sealed class Folder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("strata-psql-compat-").FullName;

        public Folder Write(string name, string text)
        {
            File.WriteAllText(System.IO.Path.Combine(Path, name), text);
            return this;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
