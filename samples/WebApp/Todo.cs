namespace WebApp;

/// <summary>One row of <c>todos</c> with its tags, as <c>GET /todos</c> returns it.</summary>
internal sealed record Todo(long Id, string Title, bool Done, IReadOnlyList<string> Tags);
