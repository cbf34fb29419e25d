using Strata.Configuration;

namespace Strata.PostgreSql.Connection;

/// <summary>
/// PostgreSQL's connection syntax (<see cref="IConnectionSyntax"/>): <c>postgres://</c> and <c>postgresql://</c> URLs,
/// Npgsql and libpq keyword strings (a bare value holding <c>=</c>), the <c>POSTGRES_*</c> and <c>PG*</c> variables,
/// the password's sources, the same-database rule and the TLS check.
/// </summary>
internal sealed class ConnectionSyntax : IConnectionSyntax
{
    public ConnectionForms Forms { get; } = new(
        ["postgres://", "postgresql://"],
        ["postgres://user:password@host:5432/database", "an Npgsql keyword string (Host=…;Database=…;Username=…)"],
        "a keyword connection string",
        "percent-encode special characters in the password (@ as %40, : as %3A, / as %2F, % as %25)");

    public IReadOnlyList<EnvironmentSource> EnvironmentSources => PostgresEnvironment.Sources;

    public bool Claims(string value) => value.Contains('=', StringComparison.Ordinal);

    public DatabaseTarget Parse(string value, string baseDirectory) =>
        Forms.Prefixes.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            ? PostgresUrlParser.Parse(value)
            : PostgresKeywordString.Parse(value);

    public DatabaseTarget ApplyCredentials(DatabaseTarget target, CredentialSources sources, out string? origin)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(sources);
        var settled = PostgresCredentials.Apply(target, sources, out var from);
        origin = from;
        return settled;
    }

    /// <summary>The same server, database and user: the display URLs agree up to any query.</summary>
    public bool SameDatabase(DatabaseTarget a, DatabaseTarget b) =>
        string.Equals(a.DisplayName.Split('?')[0], b.DisplayName.Split('?')[0], StringComparison.Ordinal);

    public UnencryptedConnection? Unencrypted(DatabaseTarget target) => PostgresTransport.Unencrypted(target);
}
