using System.Data.Common;
using System.Globalization;
using System.Net;

namespace Strata.Configuration;

/// <summary>
/// The warnings a resolved database deserves (G9, R22): a password given on the command line, and a connection
/// to a non-loopback PostgreSQL host whose <c>sslmode</c> does not require TLS. Warnings name hosts, never passwords.
/// </summary>
internal static class ConnectionWarnings
{
    /// <summary>The warnings for <paramref name="target"/>; <paramref name="fromCommandLine"/> when it came from <c>--database</c>.</summary>
    public static List<string> For(DatabaseTarget? target, bool fromCommandLine)
    {
        var warnings = new List<string>();
        if (target is null)
        {
            return warnings;
        }

        if (fromCommandLine && target.Password is not null)
        {
            warnings.Add("a password was given on the command line (--database): other users can see it in the process list "
                + "and it stays in shell history; use DATABASE_URL, PGPASSWORD or a password file (.pgpass, PGPASSFILE) instead");
        }

        if (target.Kind == DatabaseKind.PostgreSql && TlsWarning(target) is { } tls)
        {
            warnings.Add(tls);
        }

        return warnings;
    }

    private static string? TlsWarning(DatabaseTarget target)
    {
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
        return remote is null
            ? null
            : $"the connection to {remote} does not require TLS (sslmode {(mode ?? "not set").ToLowerInvariant()}): the password and "
              + "the data can be read on the network; add sslmode=verify-full (or at least sslmode=require) to the database URL";
    }

    /// <summary>True for loopback addresses, <c>localhost</c> and Unix sockets.</summary>
    private static bool IsLocal(string host) =>
        host.StartsWith('/') || host.StartsWith('@')
        || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
