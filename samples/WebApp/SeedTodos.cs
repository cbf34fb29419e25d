using Strata.Code;

namespace WebApp;

/// <summary>
/// Version 2, between the SQL files 001 and 003: a C# migration that inserts the starter todos with parameters,
/// in the same transaction as its history row, and deletes them again on rollback.
/// </summary>
internal sealed class SeedTodos() : CodeMigration(2, "seed_todos")
{
    private static readonly (int Id, string Title, bool Done)[] Todos =
    [
        (1, "Read the Strata user guide", true),
        (2, "Write the first migration", false),
        (3, "Deploy with two replicas", false),
    ];

    public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
    {
        foreach (var (id, title, done) in Todos)
        {
            var values = new Dictionary<string, object?> { ["id"] = id, ["title"] = title, ["done"] = done };
            await context.ExecuteAsync("INSERT INTO todos (id, title, done) VALUES (@id, @title, @done)", values, cancellationToken);
        }
    }

    public override Task DownAsync(MigrationContext context, CancellationToken cancellationToken) =>
        context.ExecuteAsync("DELETE FROM todos WHERE id IN (1, 2, 3)", cancellationToken);
}
