using Strata.Schema;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Schema;

/// <summary>The round-trip properties of the schema engine on the corpus, on a real server.</summary>
[PostgresMatrix]
public sealed class SchemaRoundTripTests : PostgresTestBase
{
    public static TheoryData<string> Corpus() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schema", "Corpus"), "*.sql").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Rendering_a_state_and_applying_it_to_an_empty_database_gives_the_state_back(string file)
    {
        await Database.ExecuteAsync(Read(file));
        var state = await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None);
        state.Tables.ShouldNotBeEmpty();

        await using var copy = await Server.CreateDatabaseAsync();
        var diff = SchemaDiffer.Compare(DatabaseSchema.Empty, state, PostgreSqlDdlRenderer.Instance);
        await ApplyAsync(copy, diff);
        var back = await PostgreSqlSchemaIntrospector.ReadAsync(copy.ConnectionString, null, CancellationToken.None);

        SchemaDiffer.Compare(back, state, PostgreSqlDdlRenderer.Instance).ToScript().ShouldBe("");
        SchemaScript.Render(back, PostgreSqlDdlRenderer.Instance).ShouldBe(SchemaScript.Render(state, PostgreSqlDdlRenderer.Instance));
    }

    [Theory]
    [InlineData("01_features.sql", "02_pagila_like.sql")]
    [InlineData("02_pagila_like.sql", "03_chinook_like.sql")]
    [InlineData("03_chinook_like.sql", "01_features.sql")]
    public async Task Diff_between_two_states_applied_to_the_first_gives_the_second_and_the_reverse_returns(string first, string second)
    {
        await using var other = await Server.CreateDatabaseAsync();
        await Database.ExecuteAsync(Read(first));
        await other.ExecuteAsync(Read(second));
        var s1 = await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None);
        var s2 = await PostgreSqlSchemaIntrospector.ReadAsync(other.ConnectionString, null, CancellationToken.None);

        var plan = SchemaDiffer.Plan(s1, s2, PostgreSqlDdlRenderer.Instance);
        await ApplyAsync(Database, plan.Up);
        var afterUp = await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None);
        SchemaDiffer.Compare(afterUp, s2, PostgreSqlDdlRenderer.Instance).ToScript().ShouldBe("");

        await ApplyAsync(Database, plan.Down);
        var afterDown = await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None);
        SchemaDiffer.Compare(afterDown, s1, PostgreSqlDdlRenderer.Instance).ToScript().ShouldBe("");
    }

    internal static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "Corpus", file));

    internal static async Task ApplyAsync(TestDatabase database, SchemaDiff diff)
    {
        if (!diff.IsEmpty)
        {
            await database.ExecuteAsync("BEGIN;\n" + diff.ToScript() + "COMMIT;");
        }
    }
}
