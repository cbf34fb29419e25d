using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WebApp;

/// <summary>The app's one feature: <c>GET /todos</c> reads the migrated tables.</summary>
internal static class TodoEndpoints
{
    public static void MapTodos(this IEndpointRouteBuilder app) =>
        app.MapGet("/todos", async (SampleDatabase database, CancellationToken cancellationToken) =>
            TypedResults.Ok(await ListAsync(database, cancellationToken)));

    private static async Task<List<Todo>> ListAsync(SampleDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT t.id, t.title, t.done, g.tag FROM todos t LEFT JOIN tags g ON g.todo_id = t.id ORDER BY t.id, g.tag";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var todos = new List<Todo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            if (todos.Count == 0 || todos[^1].Id != id)
            {
                todos.Add(new Todo(id, reader.GetString(1), reader.GetBoolean(2), []));
            }

            if (!reader.IsDBNull(3))
            {
                todos[^1] = todos[^1] with { Tags = [.. todos[^1].Tags, reader.GetString(3)] };
            }
        }

        return todos;
    }
}
