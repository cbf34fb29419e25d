using Strata.Configuration;
using Strata.Errors;

namespace Strata.PostgreSql.Connection;

/// <summary>
/// Parses <c>postgres://</c> and <c>postgresql://</c> URLs in libpq's form:
/// <c>postgres://user:password@host:port,host2:port/database?param=value&amp;…</c>, with percent-decoding, IPv6 in
/// brackets and several hosts. A password that was not percent-encoded is tolerated where it is unambiguous (the
/// last <c>@</c> before the query ends the user part, so <c>@ : /</c> in a password survive); a <c>?</c> always starts
/// the query, as RFC 3986 says. Errors say what to encode and never quote the input.
/// </summary>
internal static class PostgresUrlParser
{
    private const string Source = "the database URL";
    private const string EncodeHint = "percent-encode special characters in the user name and password (@ as %40, : as %3A, / as %2F, % as %25, ? as %3F)";

    /// <summary>Parses a URL whose scheme was already recognised; throws <see cref="ConfigurationException"/> on malformed input.</summary>
    public static DatabaseTarget Parse(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var main = queryStart < 0 ? rest : rest[..queryStart];
        var query = queryStart < 0 ? null : rest[(queryStart + 1)..];
        var at = main.LastIndexOf('@');

        var builder = new PostgresTargetBuilder(Source);
        if (at >= 0)
        {
            ParseUserInfo(main[..at], builder);
        }

        var location = main[(at + 1)..];
        var slash = location.IndexOf('/', StringComparison.Ordinal);
        ParseHosts(slash < 0 ? location : location[..slash], builder);
        if (slash >= 0 && slash + 1 < location.Length)
        {
            builder.Database = Decode(location[(slash + 1)..], "database name");
        }

        if (query is not null)
        {
            ParseQuery(query, builder);
        }

        return builder.Build();
    }

    private static void ParseUserInfo(string userInfo, PostgresTargetBuilder builder)
    {
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var user = colon < 0 ? userInfo : userInfo[..colon];
        if (colon >= 0)
        {
            builder.Password = Decode(userInfo[(colon + 1)..], "password");
        }

        if (user.Length > 0)
        {
            builder.Username = Decode(user, "user name");
        }
    }

    private static void ParseHosts(string hostList, PostgresTargetBuilder builder)
    {
        if (hostList.Length == 0)
        {
            return;
        }

        var hosts = new List<PostgresHost>();
        var entries = hostList.Split(',');
        for (var i = 0; i < entries.Length; i++)
        {
            var host = default(PostgresHost);
            var problem = entries[i].Length == 0 && entries.Length > 1
                ? "a host in its host list is empty"
                : PostgresHost.TryParse(entries[i], allowBareIpv6: false, out host);
            if (problem is not null)
            {
                var which = entries.Length > 1 ? $" (host {i + 1} of {entries.Length})" : "";
                throw new ConfigurationException($"{Source} is malformed{which}: {problem}", EncodeHint);
            }

            hosts.Add(host with { Name = Decode(host.Name, "host name") });
        }

        if (hosts.Count == 1 && hosts[0].Name.Length == 0)
        {
            builder.Port = hosts[0].Port;
            return;
        }

        builder.SetHosts(hosts);
    }

    private static void ParseQuery(string query, PostgresTargetBuilder builder)
    {
        // An '@' after the '?' suggests a password holding an unescaped '?': quote nothing from the query.
        builder.HideNames = query.Contains('@', StringComparison.Ordinal);
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ConfigurationException(
                    $"{Source} has a query parameter without a value: {(builder.HideNames ? "(name not shown)" : SafeText.Quote(pair, builder.Password, "(name not shown)"))}",
                    "write parameters as ?name=value&name2=value2; " + EncodeHint);
            }

            var name = Decode(pair[..equals], "query parameter name");
            var value = Decode(pair[(equals + 1)..], "query parameter value");
            PostgresParameters.Apply(builder, name, value);
        }
    }

    private static string Decode(string text, string part) =>
        PercentDecoder.TryDecode(text, out var decoded)
            ? decoded
            : throw new ConfigurationException(
                $"{Source} is malformed: the {part} contains a '%' that is not followed by two hex digits (or encodes invalid UTF-8)",
                EncodeHint);
}
