using Strata.Configuration;
using Strata.Errors;

namespace Strata.Sqlite.Connection;

/// <summary>
/// SQLite's connection syntax (<see cref="IConnectionSyntax"/>): <c>sqlite:</c> values, bare paths ending in
/// <c>.db</c>, <c>.sqlite</c> or <c>.sqlite3</c>, and <c>DB_PATH</c>. A file has no password: a password file is refused.
/// </summary>
internal sealed class ConnectionSyntax : IConnectionSyntax
{
    public ConnectionForms Forms { get; } = new([SqliteLocation.Scheme], ["sqlite:path/to/app.db"], "a SQLite file path", null);

    public IReadOnlyList<EnvironmentSource> EnvironmentSources { get; } =
    [
        new("DB_PATH", ["DB_PATH"], [], (v, layer, cwd) => SqliteLocation.FromPath((v.TryGetIn(layer, "DB_PATH", out var path) ? path : "").Trim(), cwd)),
    ];

    public bool Claims(string value) => !value.Contains('=', StringComparison.Ordinal) && SqliteLocation.HasSqliteExtension(value);

    public DatabaseTarget Parse(string value, string baseDirectory) => SqliteLocation.FromPath(value, baseDirectory);

    public DatabaseTarget ApplyCredentials(DatabaseTarget target, CredentialSources sources, out string? origin)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(sources);
        origin = null;
        return sources.PasswordFile is null ? target : throw new ConfigurationException(
            $"--password-file applies to PostgreSQL, but the database is {target.DisplayName}",
            "leave --password-file out for SQLite");
    }

    /// <summary>The same file (or both <c>:memory:</c>).</summary>
    public bool SameDatabase(DatabaseTarget a, DatabaseTarget b) =>
        string.Equals(a.ConnectionString, b.ConnectionString, StringComparison.Ordinal);

    public UnencryptedConnection? Unencrypted(DatabaseTarget target) => null;
}
