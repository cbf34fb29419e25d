using System.Data.Common;
using System.Globalization;
using System.Text;
using Strata.Configuration;
using Strata.Errors;

namespace Strata.PostgreSql.Connection;

/// <summary>
/// Reads a PostgreSQL keyword connection string: Npgsql's <c>Host=…;Username=…</c> (with its synonyms such as
/// <c>Server</c>, <c>User Id</c>, <c>PWD</c>) or libpq's <c>host=… dbname=… user=…</c>. Both become the same
/// normalised Npgsql keyword string; libpq names (<c>dbname</c>, <c>user</c>, <c>sslmode=verify-full</c>) are
/// translated. Keywords Strata does not interpret pass through for Npgsql to check. No message quotes a value.
/// </summary>
internal static class PostgresKeywordString
{
    private const string Source = "the connection string";

    /// <summary>Parses <paramref name="value"/>; throws <see cref="ConfigurationException"/> when it is malformed.</summary>
    public static DatabaseTarget Parse(string value)
    {
        var libpq = TryTokenizeLibpq(value);
        return libpq is not null && libpq.All(p => PostgresParameters.IsKnown(p.Key)) ? FromLibpq(libpq) : FromNpgsql(value);
    }

    private static DatabaseTarget FromLibpq(List<KeyValuePair<string, string>> pairs)
    {
        var builder = new PostgresTargetBuilder(Source);
        foreach (var pair in pairs.OrderBy(p => p.Key == "host" ? 0 : 1))
        {
            PostgresParameters.Apply(builder, pair.Key, pair.Value);
        }

        return builder.Build();
    }

    private static DatabaseTarget FromNpgsql(string value)
    {
        DbConnectionStringBuilder parsed;
        try
        {
            parsed = new DbConnectionStringBuilder { ConnectionString = value };
        }
        catch (ArgumentException)
        {
            throw new ConfigurationException(
                $"{Source} is not a valid keyword string",
                "write it as Host=db.example.com;Port=5432;Database=app;Username=app; put double quotes around a value that contains ';' or '=' (and double any quote inside it)");
        }

        var builder = new PostgresTargetBuilder(Source);
        foreach (string key in parsed.Keys)
        {
            var text = Convert.ToString(parsed[key], CultureInfo.InvariantCulture) ?? "";
            ApplyNpgsql(builder, key, text);
        }

        return builder.Build();
    }

    private static void ApplyNpgsql(PostgresTargetBuilder builder, string key, string value)
    {
        switch (key.ToUpperInvariant())
        {
            case "HOST" or "SERVER":
                builder.SetHosts(ParseNpgsqlHosts(value));
                break;
            case "PORT":
                builder.SetPorts(PostgresParameters.ParsePorts(value, Source));
                break;
            case "DATABASE" or "DB" or "DBNAME":
                builder.Database = value;
                break;
            case "USERNAME" or "USER NAME" or "USERID" or "USER ID" or "UID" or "USER":
                builder.Username = value;
                break;
            case "PASSWORD" or "PSW" or "PWD":
                builder.Password = value;
                break;
            case "SSL MODE" or "SSLMODE":
                builder.SetOption("SSL Mode", PostgresParameters.SslMode(value) ?? throw new ConfigurationException(
                    $"{Source} has an invalid SSL Mode",
                    "use one of Disable, Allow, Prefer, Require, VerifyCA, VerifyFull (or libpq's verify-ca, verify-full)"));
                break;
            case "DATA SOURCE" or "DATASOURCE" or "FILENAME":
                throw new ConfigurationException(
                    $"{Source} looks like a SQLite connection string (it has '{key}')",
                    "give a SQLite database as sqlite:path/to/app.db, or as a path ending in .db, .sqlite or .sqlite3");
            default:
                ApplyOther(builder, key, value);
                break;
        }
    }

    private static void ApplyOther(PostgresTargetBuilder builder, string key, string value)
    {
        if (PostgresParameters.IsKnown(key))
        {
            PostgresParameters.Apply(builder, key, value);
        }
        else if (key.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '_'))
        {
            builder.SetOption(key, value);
        }
        else
        {
            // A key with punctuation is most likely the tail of a password that holds an unquoted ';'.
            throw new ConfigurationException(
                $"{Source} has a keyword that is not a name (an unquoted ';' inside a value splits it)",
                "put double quotes around a value that contains ';' or '=', e.g. Password=\"a;b\"");
        }
    }

    private static List<PostgresHost> ParseNpgsqlHosts(string value)
    {
        var entries = value.Split(',');
        var hosts = new List<PostgresHost>();
        foreach (var entry in entries.Select(e => e.Trim()))
        {
            var host = default(PostgresHost);
            var problem = entry.Length == 0
                ? "a host in its host list is empty"
                : PostgresHost.TryParse(entry, allowBareIpv6: entries.Length == 1, out host);
            if (problem is not null)
            {
                throw new ConfigurationException($"{Source} has a malformed Host: {problem}", "list hosts as Host=host1:5432,host2:5433");
            }

            hosts.Add(host);
        }

        return hosts;
    }

    private static List<KeyValuePair<string, string>>? TryTokenizeLibpq(string text)
    {
        var result = new List<KeyValuePair<string, string>>();
        var i = 0;
        while (true)
        {
            SkipSpace(text, ref i);
            if (i >= text.Length)
            {
                return result;
            }

            var start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            var key = text[start..i];
            SkipSpace(text, ref i);
            if (key.Length == 0 || i >= text.Length || text[i] != '=')
            {
                return null;
            }

            i++;
            SkipSpace(text, ref i);
            var value = ReadLibpqValue(text, ref i);
            if (value is null)
            {
                return null;
            }

            result.Add(new KeyValuePair<string, string>(key, value));
        }
    }

    private static string? ReadLibpqValue(string text, ref int i)
    {
        var quoted = i < text.Length && text[i] == '\'';
        i += quoted ? 1 : 0;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted ? c == '\'' : char.IsWhiteSpace(c))
            {
                i += quoted ? 1 : 0;
                return value.ToString();
            }

            if (!quoted && c == ';')
            {
                return null;
            }

            var escaped = c == '\\' && i + 1 < text.Length;
            value.Append(escaped ? text[i + 1] : c);
            i += escaped ? 2 : 1;
        }

        return quoted ? null : value.ToString();
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
