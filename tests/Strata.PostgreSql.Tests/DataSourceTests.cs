using Npgsql;
using Strata.Errors;
using Strata.Execution;
using Strata.History;
using Strata.Sources;

namespace Strata.PostgreSql.Tests;

/// <summary>An application's own NpgsqlDataSource: used as given, never disposed, errors still located.</summary>
public sealed class DataSourceTests : DialectTest
{
    [Fact]
    public async Task A_failure_is_located_even_when_the_data_source_does_not_report_the_failed_batch_command()
    {
        await using var dataSource = NpgsqlDataSource.Create(Database.ConnectionString);
        var dialect = new PostgreSqlDialect(dataSource);
        await using var session = await dialect.OpenAsync(new SessionOptions { History = DefaultHistory }, CancellationToken.None);
        await session.History.EnsureCreatedAsync(CancellationToken.None);
        var script = new SqlScript("CREATE TABLE one (id int);\nCREATE TABLE two (id int);\nINSERT INTO one VALUES ('x');\n", "m/3_x.sql", 1, transactional: true);

        var error = await Should.ThrowAsync<MigrationFailedException>(
            () => session.Executor.ExecuteAsync("3_x", script, new HistoryInsert(Row(3, "x")), null, CancellationToken.None));

        error.Location.ShouldBe(new SourceLocation("m/3_x.sql", 3, 25, "INSERT INTO one VALUES ('x');"));
        (await Database.ListTablesAsync()).ShouldBe(["public.strata_migrations", "public.strata_migrations_audit"]);
        var applied = await session.Executor.ExecuteAsync("4_y", new SqlScript("CREATE TABLE three (id int);", "m/4_y.sql", 1, true), new HistoryInsert(Row(4, "y")), null, CancellationToken.None);
        applied.ShouldBe(ExecutionOutcome.Applied);
    }

    [Fact]
    public async Task The_application_data_source_stays_usable_after_strata_is_done()
    {
        await using var dataSource = NpgsqlDataSource.Create(Database.ConnectionString);
        var session = await new PostgreSqlDialect(dataSource).OpenAsync(new SessionOptions { History = DefaultHistory }, CancellationToken.None);
        await session.DisposeAsync();

        await using var command = dataSource.CreateCommand("SELECT 41 + 1");
        (await command.ExecuteScalarAsync()).ShouldBe(42);
    }

    [Fact]
    public async Task A_multiplexing_data_source_is_refused_with_the_reason()
    {
        await using var dataSource = NpgsqlDataSource.Create(Database.ConnectionString + ";Multiplexing=true");

        var error = Should.Throw<ConfigurationException>(() => new PostgreSqlDialect(dataSource));

        error.Message.ShouldContain("multiplexing");
        error.Hint!.ShouldContain("Multiplexing=true");
    }
}
