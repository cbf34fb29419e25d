using System.Globalization;
using Npgsql;

namespace Strata.TestSupport;

/// <summary>Turns a test database's keyword connection string into the <c>postgres://</c> URL a user puts in DATABASE_URL.</summary>
public static class PostgresUrl
{
    /// <summary>
    /// The URL for <paramref name="connectionString"/>, with <paramref name="password"/> instead of its own when given
    /// (percent-encoded), and extra query parameters (<c>application_name=x</c>) when given.
    /// </summary>
    public static string From(string connectionString, string? password = null, string? query = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var user = Uri.EscapeDataString(builder.Username ?? "postgres");
        var secret = password ?? builder.Password;
        var credentials = string.IsNullOrEmpty(secret) ? user : user + ":" + Uri.EscapeDataString(secret);
        var host = builder.Host ?? "127.0.0.1";
        var parameters = new List<string>();
        string authority;
        if (host.StartsWith('/'))
        {
            // A Unix socket folder (STRATA_TEST_POSTGRES may name one) goes into the query, as libpq reads it.
            authority = "";
            parameters.Add("host=" + Uri.EscapeDataString(host));
            parameters.Add("port=" + builder.Port.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            authority = (host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host) + ":" + builder.Port.ToString(CultureInfo.InvariantCulture);
        }

        if (query is not null)
        {
            parameters.Add(query);
        }

        var database = Uri.EscapeDataString(builder.Database ?? "postgres");
        return $"postgres://{credentials}@{authority}/{database}" + (parameters.Count == 0 ? "" : "?" + string.Join('&', parameters));
    }

    /// <summary>The host and port of <paramref name="connectionString"/>.</summary>
    public static (string Host, int Port) Endpoint(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return (builder.Host ?? "127.0.0.1", builder.Port);
    }
}
