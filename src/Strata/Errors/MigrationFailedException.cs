namespace Strata.Errors;

/// <summary>
/// A migration's SQL failed on the server. Carries the file position (mapped from the server's error
/// position, or the failing statement's start), SQLSTATE and the server's own message.
/// </summary>
public sealed class MigrationFailedException : StrataException
{
    /// <summary>Creates the error. <paramref name="outcome"/> says what remains of the migration.</summary>
    public MigrationFailedException(
        string migration,
        SourceLocation location,
        string? sqlState,
        string serverMessage,
        string outcome,
        string? hint = null,
        Exception? innerException = null)
        : base(ErrorCategory.MigrationFailed, $"migration {migration} failed at {location}: {Prefix(sqlState)}{serverMessage}", hint, innerException)
    {
        Migration = migration;
        Location = location;
        SqlState = sqlState;
        ServerMessage = serverMessage;
        Outcome = outcome;
    }

    /// <summary>The display name of the migration (<c>003_add_orders</c>).</summary>
    public string Migration { get; }

    /// <summary>Where in the file the error is.</summary>
    public SourceLocation Location { get; }

    /// <summary>The five-character SQLSTATE, when the server sent one.</summary>
    public string? SqlState { get; }

    /// <summary>The server's message (and detail, when it sent one).</summary>
    public string ServerMessage { get; }

    /// <summary>What remains: "nothing of 003_add_orders was applied" or which statements of a no-transaction script ran.</summary>
    public string Outcome { get; }

    private static string Prefix(string? sqlState) => sqlState is null ? "" : $"SQLSTATE {sqlState}: ";
}
