namespace Strata.Configuration;

/// <summary>
/// The warnings a resolved database deserves (G9, R22, R24): a password given on the command line, and a connection
/// its dialect says may go unencrypted to a non-loopback host (<see cref="IConnectionSyntax.Unencrypted"/>; with
/// <c>--require-tls</c> that one is an error instead, raised by <see cref="StrataSettings.RequireDatabase"/>).
/// Warnings name hosts, never passwords.
/// </summary>
internal static class ConnectionWarnings
{
    /// <summary>
    /// The warnings for <paramref name="target"/>; <paramref name="passwordOnCommandLine"/> when <c>--database</c>
    /// held a password; no TLS warning when <paramref name="requireTls"/> (the refusal replaces it).
    /// </summary>
    public static List<string> For(DatabaseTarget? target, DialectSet dialects, bool passwordOnCommandLine, bool requireTls)
    {
        var warnings = new List<string>();
        if (target is null)
        {
            return warnings;
        }

        if (passwordOnCommandLine)
        {
            warnings.Add("a password was given on the command line (--database): other users can see it in the process list "
                + "and it stays in shell history; use DATABASE_URL, PGPASSWORD or a password file (.pgpass, PGPASSFILE) instead");
        }

        if (!requireTls && dialects.Syntax(target).Unencrypted(target) is { } plaintext)
        {
            warnings.Add($"the connection to {plaintext.Host} does not require TLS (sslmode {plaintext.Mode}): the password and "
                + "the data can be read on the network; add sslmode=verify-full (or at least sslmode=require) to the database URL, "
                + "and --require-tls (or \"requireTls\": true in strata.json) to refuse such connections");
        }

        return warnings;
    }
}
