using System.Data.Common;
using System.Globalization;
using System.Net;

namespace Strata.Configuration;

/// <summary>
/// The warnings a resolved database deserves (G9, R22, R24): a password given on the command line, and a connection
/// to a non-loopback PostgreSQL host whose <c>sslmode</c> does not require TLS (with <c>--require-tls</c> that one
/// is an error instead, raised by <see cref="StrataSettings.RequireDatabase"/>). Warnings name hosts, never passwords.
/// </summary>
internal static class ConnectionWarnings
{
    /// <summary>
    /// The warnings for <paramref name="target"/>; <paramref name="passwordOnCommandLine"/> when <c>--database</c>
    /// held a password; no TLS warning when <paramref name="requireTls"/> (the refusal replaces it).
    /// </summary>
    public static List<string> For(DatabaseTarget? target, bool passwordOnCommandLine, bool requireTls)
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

        if (!requireTls && PlaintextRemote(target) is { } plaintext)
        {
            warnings.Add($"the connection to {plaintext.Host} does not require TLS (sslmode {plaintext.Mode}): the password and "
                + "the data can be read on the network; add sslmode=verify-full (or at least sslmode=require) to the database URL, "
                + "and --require-tls (or \"requireTls\": true in strata.json) to refuse such connections");
        }

        return warnings;
    }

    /// <summary>
    /// The first non-loopback host of a PostgreSQL <paramref name="target"/> and its <c>sslmode</c> (lower case,
    /// <c>not set</c> when absent) when that mode lets the connection go unencrypted (disable, allow, prefer, unset);
    /// null for SQLite, for TLS-requiring modes, and for loopback hosts and Unix sockets.
    /// </summary>
    public static (string Host, string Mode)? PlaintextRemote(DatabaseTarget target)
    {
        if (target.Dialect != Dialect.PostgreSql)
        {
            return null;
        }

        var keywords = new DbConnectionStringBuilder();
        try
        {
            keywords.ConnectionString = target.ConnectionString;
        }
        catch (ArgumentException)
        {
            return null;
        }

        var mode = keywords.TryGetValue("SSL Mode", out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        if (mode is not null && mode is not ("Disable" or "Allow" or "Prefer"))
        {
            return null;
        }

        var hosts = keywords.TryGetValue("Host", out var hostValue) ? Convert.ToString(hostValue, CultureInfo.InvariantCulture) ?? "" : "";
        var entries = hosts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var remote = entries
            .Select(e => PostgresHost.TryParse(e, entries.Length == 1, out var host) is null ? host.Name : e)
            .FirstOrDefault(name => !IsLocal(name));
        return remote is null ? null : (remote, (mode ?? "not set").ToLowerInvariant());
    }

    /// <summary>True for loopback addresses, <c>localhost</c> and Unix sockets.</summary>
    private static bool IsLocal(string host) =>
        host.StartsWith('/') || host.StartsWith('@')
        || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
