using Microsoft.Data.Sqlite;
using Strata.Schema;

namespace Strata.Sqlite.Tests.Schema;

/// <summary>SQLite views carry their columns with the declared types SQLite reports for them (for code generation).</summary>
public sealed class ViewColumnsTests
{
    [Fact]
    public async Task Views_carry_their_columns_with_declared_types()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL, joined DATETIME);
                CREATE VIEW recent AS SELECT id, email, joined, length(email) AS n FROM users;
                """;
            await command.ExecuteNonQueryAsync();
        }

        var state = await SqliteSchemaIntrospector.ReadAsync(connection, null, CancellationToken.None);

        state.Objects.Single(o => o.Kind == ObjectKind.View).Columns.Select(c => (c.Name, c.Type)).ShouldBe(
            [("id", "INTEGER"), ("email", "VARCHAR(200)"), ("joined", "DATETIME"), ("n", "")]);
    }
}
