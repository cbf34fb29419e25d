using System.Globalization;
using Npgsql;

namespace Strata.TestSupport;

/// <summary>Reads <c>STRATA_TEST_POSTGRES</c>: an Npgsql keyword string or a <c>postgres://</c> URL.</summary>
internal static class ServerConnectionString
{
    public const string Variable = "STRATA_TEST_POSTGRES";

    /// <summary>The configured server, or null when the variable is unset or empty.</summary>
    public static NpgsqlConnectionStringBuilder? FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(value) ? null : Parse(value.Trim());
    }

    /// <summary>Parses a keyword string or a URL; throws naming the variable (never its value) when malformed.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        try
        {
            return value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                ? FromUrl(new Uri(value))
                : new NpgsqlConnectionStringBuilder(value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            throw new InvalidOperationException(
                $"{Variable} is not a valid Npgsql connection string or postgres:// URL ({e.GetType().Name}); "
                + "use e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres");
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(Uri url)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port,
            Database = url.AbsolutePath.Trim('/') is { Length: > 0 } db ? Uri.UnescapeDataString(db) : "postgres",
        };
        var userInfo = url.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] =
                key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? ToSslMode(value) : value;
        }

        return builder;
    }

    private static string ToSslMode(string value) => value.ToLowerInvariant() switch
    {
        "verify-ca" => "VerifyCA",
        "verify-full" => "VerifyFull",
        var other => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(other),
    };
}
