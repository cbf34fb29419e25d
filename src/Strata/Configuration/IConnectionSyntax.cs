namespace Strata.Configuration;

/// <summary>
/// How a dialect's databases are written (<see cref="IDialectFactory.Connections"/>): the URL schemes and bare forms it
/// claims, how a value of its own becomes a <see cref="DatabaseTarget"/>, the environment variables that name one,
/// how its password settles, when two targets are the same database, and whether a connection goes unencrypted.
/// The engine only dispatches (<see cref="DatabaseUrl.Parse"/>, <see cref="ConfigurationResolver"/>); every message
/// a syntax throws is a <see cref="Errors.ConfigurationException"/> that never contains a password.
/// </summary>
public interface IConnectionSyntax
{
    /// <summary>The prefixes this dialect claims and the forms it names in hints (see <see cref="ConnectionForms"/>).</summary>
    ConnectionForms Forms { get; }

    /// <summary>
    /// True when <paramref name="value"/> (trimmed, not starting with any claimed prefix nor another <c>scheme://</c>)
    /// is in one of this dialect's bare forms: a keyword string, a <c>.db</c> path.
    /// </summary>
    bool Claims(string value);

    /// <summary>
    /// Parses <paramref name="value"/>, which starts with one of <see cref="ConnectionForms.Prefixes"/> or which
    /// <see cref="Claims"/> accepted; relative paths resolve against <paramref name="baseDirectory"/>.
    /// </summary>
    DatabaseTarget Parse(string value, string baseDirectory);

    /// <summary>The environment-variable sets that name a database of this dialect, in the order they are reported.</summary>
    IReadOnlyList<EnvironmentSource> EnvironmentSources { get; }

    /// <summary>
    /// <paramref name="target"/> with its password settled from <paramref name="sources"/> (a password file, the
    /// variables); <paramref name="origin"/> names the source, never the value, or is null when passwords do not apply.
    /// </summary>
    DatabaseTarget ApplyCredentials(DatabaseTarget target, CredentialSources sources, out string? origin);

    /// <summary>True when two targets of this dialect reach the same database (the same file; the same server, database and user).</summary>
    bool SameDatabase(DatabaseTarget a, DatabaseTarget b);

    /// <summary>The first host <paramref name="target"/> may reach without TLS, or null (always null for a dialect without a network).</summary>
    UnencryptedConnection? Unencrypted(DatabaseTarget target);
}
