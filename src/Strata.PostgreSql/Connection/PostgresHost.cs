using System.Globalization;

namespace Strata.PostgreSql.Connection;

/// <summary>One PostgreSQL host: a name, IP address or Unix socket folder, and its own port when it has one.</summary>
internal readonly record struct PostgresHost(string Name, int? Port)
{
    /// <summary>The port used when none is given anywhere.</summary>
    public const int DefaultPort = 5432;

    private const string Ipv6Problem = "an IPv6 address must be written in brackets, like [::1]:5432";

    /// <summary>True for an IPv6 literal (it needs brackets when a port follows it).</summary>
    public bool IsIpv6 => Name.Contains(':', StringComparison.Ordinal) && !IsSocket;

    /// <summary>True for a Unix socket folder (<c>/var/run/postgresql</c>) or an abstract socket (<c>@name</c>).</summary>
    public bool IsSocket => Name.StartsWith('/') || Name.StartsWith('@');

    /// <summary>
    /// Parses one <c>host</c>, <c>host:port</c>, <c>[v6]</c> or <c>[v6]:port</c> entry. When
    /// <paramref name="allowBareIpv6"/> is set, an entry with several colons and no brackets is an IPv6 address
    /// without a port (as Npgsql's single <c>Host=::1</c> allows). Returns an error text (naming no value) on failure.
    /// </summary>
    public static string? TryParse(string entry, bool allowBareIpv6, out PostgresHost host)
    {
        host = default;
        var problem = entry.StartsWith('[')
            ? SplitBracketed(entry, out var name, out var portText)
            : SplitPlain(entry, allowBareIpv6, out name, out portText);
        if (problem is not null)
        {
            return problem;
        }

        int? port = null;
        if (portText is not null)
        {
            if (!TryParsePort(portText, out var parsed))
            {
                return "a port is not a number from 1 to 65535";
            }

            port = parsed;
        }

        host = new PostgresHost(name, port);
        return null;
    }

    /// <summary>Parses a TCP port: digits only, 1 to 65535.</summary>
    public static bool TryParsePort(string text, out int port)
    {
        port = 0;
        return text.Length is > 0 and <= 5
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is >= 1 and <= 65535;
    }

    /// <summary>The <c>host:port</c> form Npgsql accepts in a multi-host <c>Host</c> list (IPv6 in brackets).</summary>
    public string ToNpgsql(int? defaultPort) =>
        (IsIpv6 ? "[" + Name + "]" : Name) + ":" + (Port ?? defaultPort ?? DefaultPort).ToString(CultureInfo.InvariantCulture);

    /// <summary>The form shown in a display URL; socket folders are percent-encoded as libpq writes them.</summary>
    public string ToDisplay(int? defaultPort)
    {
        var shown = IsSocket ? Uri.EscapeDataString(Name) : IsIpv6 ? "[" + Name + "]" : Name;
        return shown + ":" + (Port ?? defaultPort ?? DefaultPort).ToString(CultureInfo.InvariantCulture);
    }

    private static string? SplitBracketed(string entry, out string name, out string? portText)
    {
        var close = entry.IndexOf(']', StringComparison.Ordinal);
        name = close < 0 ? "" : entry[1..close];
        portText = close >= 0 && close + 1 < entry.Length ? entry[(close + 2)..] : null;
        return close < 0 || (close + 1 < entry.Length && entry[close + 1] != ':') ? Ipv6Problem : null;
    }

    private static string? SplitPlain(string entry, bool allowBareIpv6, out string name, out string? portText)
    {
        var colon = entry.LastIndexOf(':');
        var severalColons = colon >= 0 && entry.IndexOf(':', StringComparison.Ordinal) != colon;
        var hasPort = colon >= 0 && !(severalColons && allowBareIpv6);
        name = hasPort ? entry[..colon] : entry;
        portText = hasPort ? entry[(colon + 1)..] : null;
        return severalColons && !allowBareIpv6 ? Ipv6Problem : null;
    }
}
