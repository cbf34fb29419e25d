namespace Strata.PostgreSql;

/// <summary>An error the PostgreSQL server sent: its SQLSTATE (e.g. <c>42501</c>) and its message text.</summary>
/// <param name="SqlState">The five-character SQLSTATE.</param>
/// <param name="Message">The server's primary message, without the SQLSTATE.</param>
public sealed record PostgreSqlServerError(string SqlState, string Message);
