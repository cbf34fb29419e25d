using System.Data.Common;
using System.Globalization;
using System.Net;
using Strata.Configuration;

namespace Strata.PostgreSql.Connection;

/// <summary>
/// Whether a PostgreSQL connection may go over the network unencrypted (R24): its <c>sslmode</c> lets it (disable,
/// allow, prefer, unset) and a host is neither loopback nor a Unix socket. The engine words the warning and the
/// <c>--require-tls</c> refusal.
/// </summary>
internal static class PostgresTransport
{
    /// <summary>
    /// The first non-loopback host of <paramref name="target"/> and its <c>sslmode</c> (lower case, <c>not set</c>
    /// when absent) when that mode lets the connection go unencrypted; null for TLS-requiring modes, and for loopback
    /// hosts and Unix sockets.
    /// </summary>
    public static UnencryptedConnection? Unencrypted(DatabaseTarget target)
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
        return remote is null ? null : new UnencryptedConnection(remote, (mode ?? "not set").ToLowerInvariant());
    }

    /// <summary>True for loopback addresses, <c>localhost</c> and Unix sockets.</summary>
    private static bool IsLocal(string host) =>
        host.StartsWith('/') || host.StartsWith('@')
        || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
