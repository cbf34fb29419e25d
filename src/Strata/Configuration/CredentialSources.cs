namespace Strata.Configuration;

/// <summary>
/// What a dialect may settle a password from (<see cref="IConnectionSyntax.ApplyCredentials"/>): <c>--password-file</c>,
/// the environment variables, and where the database setting came from (for the origin shown by <c>--verbose</c>).
/// </summary>
public sealed class CredentialSources
{
    private readonly List<string> _warnings;

    internal CredentialSources(string? passwordFile, EnvironmentVariables variables, string databaseOrigin, string workingDirectory, List<string> warnings)
    {
        PasswordFile = passwordFile;
        Variables = variables;
        DatabaseOrigin = databaseOrigin;
        WorkingDirectory = workingDirectory;
        _warnings = warnings;
    }

    /// <summary>The <c>--password-file</c> path as given (relative to <see cref="WorkingDirectory"/>), or null.</summary>
    public string? PasswordFile { get; }

    /// <summary>The process environment over <c>.env</c>.</summary>
    public EnvironmentVariables Variables { get; }

    /// <summary>Where the database setting came from: <c>--database</c>, <c>DATABASE_URL (environment)</c>, …</summary>
    public string DatabaseOrigin { get; }

    /// <summary>The absolute working directory.</summary>
    public string WorkingDirectory { get; }

    /// <summary>
    /// <paramref name="target"/> with its password settled by its dialect (<see cref="IConnectionSyntax.ApplyCredentials"/>);
    /// a password file without a database is a <see cref="Errors.ConfigurationException"/>.
    /// </summary>
    internal static DatabaseTarget? Apply(DatabaseTarget? target, DialectSet dialects, CredentialSources sources, out string? origin)
    {
        origin = null;
        if (target is null)
        {
            return sources.PasswordFile is null ? null : throw new Errors.ConfigurationException(
                "--password-file was given but no database is configured",
                "configure the PostgreSQL database too (--database, DATABASE_URL or strata.json)");
        }

        return dialects.Syntax(target).ApplyCredentials(target, sources, out origin);
    }

    /// <summary>
    /// The password in <see cref="PasswordFile"/> (which must be set): the whole file less one trailing line end; a
    /// missing, unreadable or empty file is a <see cref="Errors.ConfigurationException"/>, loose permissions a warning.
    /// </summary>
    public string ReadPasswordFile() =>
        Configuration.PasswordFile.Read(PasswordFile ?? throw new InvalidOperationException("no --password-file was given"), WorkingDirectory, _warnings);
}
