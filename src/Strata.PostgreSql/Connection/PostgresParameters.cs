using System.Globalization;
using Strata.Errors;

namespace Strata.PostgreSql.Connection;

/// <summary>
/// The libpq connection parameters Strata understands (URL query parameters, libpq keyword strings, PG*
/// variables) and the Npgsql keywords they become. Values with a fixed set of choices are checked here, so a
/// typo fails before any connection attempt; values are never echoed, only the parameter name and the choices.
/// </summary>
internal static class PostgresParameters
{
    private static readonly Dictionary<string, Parameter> Map = new(StringComparer.Ordinal)
    {
        ["sslmode"] = new("SSL Mode", SslMode, "one of disable, allow, prefer, require, verify-ca, verify-full"),
        ["sslrootcert"] = new("Root Certificate", Verbatim, "a file path"),
        ["sslcert"] = new("SSL Certificate", Verbatim, "a file path"),
        ["sslkey"] = new("SSL Key", Verbatim, "a file path"),
        ["sslnegotiation"] = new("SSL Negotiation", v => Choice(v, "postgres", "direct"), "postgres or direct"),
        ["passfile"] = new("Passfile", Verbatim, "a file path"),
        ["application_name"] = new("Application Name", Verbatim, "a name"),
        ["connect_timeout"] = new("Timeout", Seconds, "a whole number of seconds"),
        ["options"] = new("Options", Verbatim, "server options such as -c statement_timeout=5000"),
        ["target_session_attrs"] = new("Target Session Attributes", SessionAttributes,
            "one of any, read-write, read-only, primary, standby, prefer-standby, prefer-primary"),
        ["search_path"] = new("Search Path", Verbatim, "a list of schemas"),
        ["client_encoding"] = new("Client Encoding", Verbatim, "an encoding name"),
        ["keepalives"] = new("TCP Keepalive", v => v switch { "1" => "true", "0" => "false", _ => null }, "1 or 0"),
        ["keepalives_idle"] = new("TCP Keepalive Time", Seconds, "a whole number of seconds"),
        ["keepalives_interval"] = new("TCP Keepalive Interval", Seconds, "a whole number of seconds"),
        ["gssencmode"] = new("GSS Encryption Mode", v => Choice(v, "disable", "prefer", "require"), "disable, prefer or require"),
        ["channel_binding"] = new("Channel Binding", v => Choice(v, "disable", "prefer", "require"), "disable, prefer or require"),
        ["krbsrvname"] = new("Kerberos Service Name", Verbatim, "a service name"),
        ["load_balance_hosts"] = new("Load Balance Hosts", v => v switch { "disable" => "false", "random" => "true", _ => null },
            "disable or random"),
    };

    private static readonly string[] ConnectionParts = ["host", "port", "dbname", "user", "password"];

    /// <summary>The names accepted, for hints.</summary>
    public static string KnownNames => string.Join(", ", ConnectionParts.Concat(Map.Keys));

    /// <summary>True for a libpq parameter name Strata maps (case-sensitive, as libpq is).</summary>
    public static bool IsKnown(string name) => Map.ContainsKey(name) || ConnectionParts.Contains(name);

    /// <summary>
    /// Applies one libpq parameter to <paramref name="builder"/>. Throws <see cref="ConfigurationException"/> for
    /// an unknown name (naming it when that is safe) or a value outside the allowed choices.
    /// </summary>
    public static void Apply(PostgresTargetBuilder builder, string name, string value)
    {
        switch (name)
        {
            case "host":
                builder.SetHosts(ParseHostNames(value, builder.Source));
                return;
            case "port":
                builder.SetPorts(ParsePorts(value, builder.Source));
                return;
            case "dbname":
                builder.Database = value;
                return;
            case "user":
                builder.Username = value;
                return;
            case "password":
                builder.Password = value;
                return;
        }

        if (!Map.TryGetValue(name, out var parameter))
        {
            throw new ConfigurationException(
                $"unknown parameter {(builder.HideNames ? "(name not shown)" : SafeText.Quote(name, builder.Password, "(name not shown)"))} in {builder.Source}",
                $"supported parameters: {KnownNames}; percent-encode '?', '&' and '=' inside a password");
        }

        var converted = parameter.Convert(value) ?? throw new ConfigurationException(
            $"invalid value for {name} in {builder.Source}",
            $"{name} must be {parameter.Expected}");
        builder.SetOption(parameter.Keyword, converted);
    }

    /// <summary>Npgsql's SSL Mode name for a libpq (<c>verify-full</c>) or Npgsql (<c>VerifyFull</c>) spelling, or null.</summary>
    public static string? SslMode(string value) =>
        value.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "DISABLE" => "Disable",
            "ALLOW" => "Allow",
            "PREFER" => "Prefer",
            "REQUIRE" => "Require",
            "VERIFYCA" => "VerifyCA",
            "VERIFYFULL" => "VerifyFull",
            _ => null,
        };

    /// <summary>Parses libpq's comma-separated host names (no ports inside; IPv6 bare).</summary>
    public static List<PostgresHost> ParseHostNames(string value, string source)
    {
        var names = value.Split(',');
        if (names.Any(n => n.Length == 0))
        {
            throw new ConfigurationException($"an empty host name in the host list of {source}", "list hosts as host1,host2");
        }

        return [.. names.Select(n => new PostgresHost(n, null))];
    }

    /// <summary>Parses libpq's comma-separated ports.</summary>
    public static List<int> ParsePorts(string value, string source)
    {
        var ports = new List<int>();
        foreach (var text in value.Split(','))
        {
            if (!PostgresHost.TryParsePort(text, out var port))
            {
                throw new ConfigurationException($"a port in {source} is not a number from 1 to 65535", "use a port such as 5432");
            }

            ports.Add(port);
        }

        return ports;
    }

    private static string? Verbatim(string value) => value;

    private static string? Seconds(string value) =>
        value.Length is > 0 and <= 9 && value.All(char.IsAsciiDigit)
            ? int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : null;

    private static string? SessionAttributes(string value) =>
        value is "any" or "read-write" or "read-only" or "primary" or "standby" or "prefer-standby" or "prefer-primary" ? value : null;

    private static string? Choice(string value, params string[] choices) =>
        choices.Contains(value) ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(value) : null;

    private sealed record Parameter(string Keyword, Func<string, string?> Convert, string Expected);
}
