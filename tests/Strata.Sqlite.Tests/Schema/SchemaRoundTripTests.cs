using Microsoft.Data.Sqlite;
using Strata.Schema;

namespace Strata.Sqlite.Tests.Schema;

/// <summary>The round-trip properties of the schema engine on the SQLite corpus (in-memory databases).</summary>
public sealed class SchemaRoundTripTests
{
    public static TheoryData<string> Corpus() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schema", "Corpus"), "*.sql").Select(Path.GetFileName).Order()!);

    public static TheoryData<string, string> Pairs()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schema", "Corpus"), "*.sql").Select(Path.GetFileName).Order().ToList();
        var pairs = new TheoryData<string, string>();
        foreach (var first in files)
        {
            foreach (var second in files.Where(f => f != first))
            {
                pairs.Add(first!, second!);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Rendering_a_state_and_applying_it_to_an_empty_database_gives_the_state_back(string file)
    {
        await using var original = await OpenAsync(Read(file));
        var state = await SqliteSchemaIntrospector.ReadAsync(original, null, CancellationToken.None);
        state.Tables.ShouldNotBeEmpty();

        await using var copy = await OpenAsync(SchemaDiffer.Compare(DatabaseSchema.Empty, state, SqliteDdlRenderer.Instance).ToScript());
        var back = await SqliteSchemaIntrospector.ReadAsync(copy, null, CancellationToken.None);

        SchemaDiffer.Compare(back, state, SqliteDdlRenderer.Instance).ToScript().ShouldBe("");
        SchemaScript.Render(back, SqliteDdlRenderer.Instance).ShouldBe(SchemaScript.Render(state, SqliteDdlRenderer.Instance));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Diff_applied_to_the_first_gives_the_second_and_the_reverse_returns(string first, string second)
    {
        await using var database = await OpenAsync(Read(first));
        await using var other = await OpenAsync(Read(second));
        var s1 = await SqliteSchemaIntrospector.ReadAsync(database, null, CancellationToken.None);
        var s2 = await SqliteSchemaIntrospector.ReadAsync(other, null, CancellationToken.None);

        var plan = SchemaDiffer.Plan(s1, s2, SqliteDdlRenderer.Instance);
        await ExecuteAsync(database, plan.Up.ToScript());
        SchemaDiffer.Compare(await SqliteSchemaIntrospector.ReadAsync(database, null, CancellationToken.None), s2, SqliteDdlRenderer.Instance).ToScript().ShouldBe("");

        await ExecuteAsync(database, plan.Down.ToScript());
        SchemaDiffer.Compare(await SqliteSchemaIntrospector.ReadAsync(database, null, CancellationToken.None), s1, SqliteDdlRenderer.Instance).ToScript().ShouldBe("");
    }

    [Fact]
    public async Task Changing_a_column_rebuilds_the_table_keeping_rows_and_children()
    {
        await using var database = await OpenAsync(Read("01_features.sql") + "INSERT INTO users (id, email) VALUES (1, 'A@x'); INSERT INTO posts (id, author_id, title) VALUES (1, 1, 't');");
        var before = await SqliteSchemaIntrospector.ReadAsync(database, null, CancellationToken.None);
        await using var target = await OpenAsync(Read("01_features.sql").Replace("name VARCHAR(80)", "name TEXT", StringComparison.Ordinal));
        var after = await SqliteSchemaIntrospector.ReadAsync(target, null, CancellationToken.None);

        var diff = SchemaDiffer.Compare(before, after, SqliteDdlRenderer.Instance);
        diff.RunsOutsideTransaction.ShouldBeTrue();
        diff.Changes.Select(c => c.Summary).ShouldContain("rebuild table users");
        diff.DestructiveChanges.ShouldBeEmpty();
        await ExecuteAsync(database, diff.ToScript());

        await using var command = database.CreateCommand();
        command.CommandText = "SELECT (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM posts)";
        (await command.ExecuteScalarAsync()).ShouldBe("1/1");
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "Corpus", file));

    private static async Task<SqliteConnection> OpenAsync(string sql)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA foreign_keys = ON;" + sql);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
