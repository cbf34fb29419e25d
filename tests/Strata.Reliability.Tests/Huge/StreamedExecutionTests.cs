using System.Text;
using Npgsql;
using Strata.Errors;
using Strata.Execution;
using Strata.Planning;
using Strata.PostgreSql;
using Strata.Sources;
using Strata.Sqlite;
using Strata.TestSupport;

namespace Strata.Reliability.Tests.Huge;

/// <summary>
/// Streamed scripts (a source with <c>StreamingThreshold = 0</c>) through the engine on both databases: a failure
/// deep in a file maps to its line and leaves nothing behind, progress is reported, no-transaction and down scripts
/// stream too, dry runs preview. PostgreSQL runs both with batched groups and one statement per round trip.
/// </summary>
public sealed class StreamedExecutionTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly List<IAsyncDisposable> _owned = [];

    public static TheoryData<string> Targets() => ["postgresql", "postgresql-one-by-one", "sqlite"];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task A_failure_deep_in_a_streamed_file_points_at_its_line_and_nothing_remains(string target)
    {
        var (provider, count) = await ProviderAsync(target);
        var lines = new StringBuilder("CREATE TABLE deep (id int PRIMARY KEY);\n");
        for (var i = 1; i <= 450; i++)
        {
            lines.Append("INSERT INTO deep VALUES (").Append(i).Append(");\n");
        }

        lines.Append("INSERT INTO deep\n  VALUES ('not a number'), (1);\nINSERT INTO deep VALUES (999);\n");
        var migrations = Write(("001_deep.sql", lines.ToString()));

        var error = await Should.ThrowAsync<MigrationFailedException>(() => Migrator(provider, migrations).MigrateAsync());

        error.Location.Path.ShouldEndWith("001_deep.sql");
        error.Location.Line.ShouldBe(target == "sqlite" ? 452 : 453);
        error.Location.LineText.ShouldBe(target == "sqlite" ? "INSERT INTO deep" : "  VALUES ('not a number'), (1);");
        error.Outcome.ShouldBe(ScriptFailure.RolledBack("001_deep"));
        (await count("SELECT count(*) FROM sqlite_master WHERE name = 'deep'", "SELECT count(*) FROM pg_tables WHERE tablename = 'deep'")).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Streamed_steps_report_progress_run_without_a_transaction_and_roll_back(string target)
    {
        var (provider, count) = await ProviderAsync(target);
        var inserts = string.Concat(Enumerable.Range(1, 1000).Select(i => $"INSERT INTO streamed VALUES ({i});\n"));
        var migrations = Write(
            ("001_streamed.sql", "CREATE TABLE streamed (id int);\n" + inserts + "-- strata:down\nDROP TABLE streamed;\n"),
            ("002_loose.sql", "-- strata:no-transaction\nCREATE TABLE loose (id int);\nINSERT INTO loose VALUES (1);\n-- strata:down\n-- strata:no-transaction\nDROP TABLE loose;\n"));
        var observer = new Recorder();

        var plan = await Migrator(provider, migrations).PlanAsync(new MigrateOptions());
        await Migrator(provider, migrations, observer).MigrateAsync();

        plan.Steps[0].Sql.ShouldNotBeNull().ShouldContain("001_streamed.sql is streamed (1001 statements");
        plan.Steps[1].Sql.ShouldNotBeNull().ShouldContain("CREATE TABLE loose (id int);");
        (await count("SELECT count(*) FROM streamed", null)).ShouldBe(1000);
        (await count("SELECT count(*) FROM loose", null)).ShouldBe(1);
        var first = observer.Progress["001_streamed"];
        first[0].ShouldBe(new StatementProgress(0, 1001, 1));
        first[^1].Count.ShouldBe(1001);
        first.Select(p => p.Index).ShouldBeInOrder();
        first[^1].Index.ShouldBe(target == "sqlite" ? 1000 : 1001);
        observer.Progress["002_loose"].Select(p => (p.Index, p.Count, p.Line)).ShouldBe([(1, 2, 2), (2, 2, 3)]);

        await Migrator(provider, migrations).RollbackAsync(new RollbackOptions { ToVersion = 0 });
        (await count("SELECT count(*) FROM sqlite_master WHERE name IN ('streamed', 'loose')", "SELECT count(*) FROM pg_tables WHERE tablename IN ('streamed', 'loose')")).ShouldBe(0);
    }

    private static Migrator Migrator(IDialect provider, string migrations, IMigrationObserver? observer = null) =>
        new(provider, new DirectoryMigrationSource(migrations) { StreamingThreshold = 0 }, new MigratorOptions(), observer);

    private string Write(params (string Name, string Text)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Path, "m" + Guid.NewGuid().ToString("N")[..6])).FullName;
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return folder;
    }

    /// <summary>A provider for <paramref name="target"/> and a way to count rows with its own SQL (SQLite first, PostgreSQL second; null: the same).</summary>
    private async Task<(IDialect Provider, Func<string, string?, Task<long>> Count)> ProviderAsync(string target)
    {
        if (target == "sqlite")
        {
            var path = Path.Combine(_folder.Path, "db.sqlite");
            return (new SqliteDialect(path), async (sql, _) =>
            {
                await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                return (long)(await command.ExecuteScalarAsync())!;
            });
        }

        var server = await PostgresServer.SharedAsync();
        var db = await server.CreateDatabaseAsync();
        _owned.Add(db);
        Func<string, string?, Task<long>> count = async (sqlite, postgres) => await db.ScalarAsync<long>(postgres ?? sqlite);
        if (target == "postgresql")
        {
            return (new PostgreSqlDialect(db.ConnectionString), count);
        }

        // A data source without "Include Failed Batched Command": statements go one per round trip.
        var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        _owned.Add(dataSource);
        return (new PostgreSqlDialect(dataSource), count);
    }

    private sealed class Recorder : IMigrationObserver
    {
        public Dictionary<string, List<StatementProgress>> Progress { get; } = [];

        public void OnStatementFinished(MigrationStep migrationStep, StatementProgress progress)
        {
            var name = migrationStep.Migration.DisplayName;
            Progress[name] = Progress.GetValueOrDefault(name) ?? [];
            Progress[name].Add(progress);
        }
    }
}
