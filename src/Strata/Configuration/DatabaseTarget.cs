namespace Strata.Configuration;

/// <summary>
/// A resolved database: which engine, the driver connection string, and a display form without secrets.
/// <see cref="ToString"/> never returns the password.
/// </summary>
public sealed class DatabaseTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="dialect">The engine.</param>
    /// <param name="connectionString">PostgreSQL: an Npgsql keyword string. SQLite: the file path (or <c>:memory:</c>).</param>
    /// <param name="displayName">e.g. <c>postgres://app@db.example.com:5432/shop</c> or <c>sqlite:app.db</c>; no password.</param>
    /// <param name="password">The password, when one was given, so that output can be redacted; null otherwise.</param>
    public DatabaseTarget(Dialect dialect, string connectionString, string displayName, string? password)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        DisplayName = displayName;
        Password = password;
    }

    /// <summary>The engine.</summary>
    public Dialect Dialect { get; }

    /// <summary>The driver connection string (secret: may hold the password).</summary>
    public string ConnectionString { get; }

    /// <summary>Where this connects, safe to print.</summary>
    public string DisplayName { get; }

    /// <summary>The password, for the redaction layer only; never print it.</summary>
    public string? Password { get; }

    /// <summary>True for an in-memory SQLite database (<c>sqlite::memory:</c>): no file, no folder.</summary>
    public bool IsInMemory => Dialect == Dialect.Sqlite && ConnectionString == ":memory:";

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}
