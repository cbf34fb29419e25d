namespace Strata.PostgreSql;

/// <summary>What a new session learns from the server: <c>current_user</c> and the default schema.</summary>
/// <param name="User">The session's <c>current_user</c>, recorded as <c>applied_by</c>.</param>
/// <param name="Schema">
/// <c>current_schema()</c>: the first existing schema of the search path, where the history lives unless one is
/// configured; <c>public</c> when the search path names no existing schema.
/// </param>
/// <param name="BackendPid">The server process behind the main connection (<c>pg_backend_pid()</c>).</param>
internal sealed record SessionFacts(string User, string Schema, int BackendPid);
