using System.Data.Common;
using System.Globalization;
using Strata.Configuration;
using Strata.Errors;

namespace Strata.PostgreSql.Connection;

/// <summary>
/// Collects the parts of a PostgreSQL connection (from a URL, a keyword string or environment variables) and
/// builds the <see cref="DatabaseTarget"/>: an Npgsql keyword string, a display URL without the password, and
/// the password for redaction. Error messages name the part at fault, never its value.
/// </summary>
internal sealed class PostgresTargetBuilder
{
    private readonly List<PostgresHost> _hosts = [];
    private readonly List<KeyValuePair<string, string>> _options = [];

    /// <summary>Creates a builder; <paramref name="source"/> names the input in messages, e.g. "the database URL".</summary>
    public PostgresTargetBuilder(string source) => Source = source;

    /// <summary>The input's name for messages.</summary>
    public string Source { get; }

    /// <summary>The port for hosts that have none of their own.</summary>
    public int? Port { get; set; }

    /// <summary>The database name, or null for the driver default (the user name).</summary>
    public string? Database { get; set; }

    /// <summary>The user name, or null for the driver default.</summary>
    public string? Username { get; set; }

    /// <summary>The password, or null.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// True when the input looks like it holds an unescaped password in the wrong place (e.g. a URL query with an
    /// <c>@</c>); error messages then quote no parameter names at all.
    /// </summary>
    public bool HideNames { get; set; }

    /// <summary>The hosts in the order given.</summary>
    public IReadOnlyList<PostgresHost> Hosts => _hosts;

    /// <summary>Replaces the host list.</summary>
    public void SetHosts(IEnumerable<PostgresHost> hosts)
    {
        _hosts.Clear();
        _hosts.AddRange(hosts);
    }

    /// <summary>Applies one port to every host, or one port per host (libpq's <c>port=5432,5433</c>).</summary>
    public void SetPorts(IReadOnlyList<int> ports)
    {
        if (ports.Count == 1)
        {
            Port = ports[0];
            return;
        }

        if (ports.Count != _hosts.Count)
        {
            throw new ConfigurationException(
                $"{_hosts.Count} host(s) but {ports.Count} ports in {Source}",
                "give one port for all hosts, or exactly one port per host in the same order");
        }

        for (var i = 0; i < ports.Count; i++)
        {
            _hosts[i] = _hosts[i] with { Port = ports[i] };
        }
    }

    /// <summary>Sets an Npgsql keyword (canonical name), replacing an earlier value of the same keyword.</summary>
    public void SetOption(string keyword, string value)
    {
        _options.RemoveAll(o => string.Equals(o.Key, keyword, StringComparison.OrdinalIgnoreCase));
        _options.Add(new KeyValuePair<string, string>(keyword, value));
    }

    /// <summary>The value of an Npgsql keyword set through <see cref="SetOption"/>, or null.</summary>
    public string? GetOption(string keyword) =>
        _options.FirstOrDefault(o => string.Equals(o.Key, keyword, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Builds the target; throws <see cref="ConfigurationException"/> on a combination Npgsql refuses.</summary>
    public DatabaseTarget Build()
    {
        var sessionAttributes = GetOption("Target Session Attributes");
        if (sessionAttributes is not null && sessionAttributes != "any" && _hosts.Count < 2)
        {
            throw new ConfigurationException(
                $"target_session_attrs={sessionAttributes} with a single host in {Source}",
                "Npgsql applies target_session_attrs only to a list of hosts (host1:5432,host2:5432); remove it or list the hosts");
        }

        var password = string.IsNullOrEmpty(Password) ? null : Password;
        return new DatabaseTarget(Dialect.PostgreSql, BuildConnectionString(password), BuildDisplayName(), password);
    }

    private string BuildConnectionString(string? password)
    {
        var builder = new DbConnectionStringBuilder();
        if (_hosts.Count == 1)
        {
            builder["Host"] = _hosts[0].Name;
        }
        else if (_hosts.Count > 1)
        {
            builder["Host"] = string.Join(',', _hosts.Select(h => h.ToNpgsql(Port)));
        }

        var port = _hosts.Count == 1 ? _hosts[0].Port ?? Port : _hosts.Count == 0 ? Port : null;
        if (port is not null)
        {
            builder["Port"] = port.Value.ToString(CultureInfo.InvariantCulture);
        }

        AddIfSet(builder, "Database", Database);
        AddIfSet(builder, "Username", Username);
        AddIfSet(builder, "Password", password);
        foreach (var option in _options)
        {
            builder[option.Key] = option.Value;
        }

        return builder.ConnectionString;
    }

    private string BuildDisplayName()
    {
        var user = string.IsNullOrEmpty(Username) ? "" : Uri.EscapeDataString(Username) + "@";
        var hosts = string.Join(',', _hosts.Select(h => h.ToDisplay(Port)));
        var database = string.IsNullOrEmpty(Database) ? "" : "/" + Uri.EscapeDataString(Database);
        return "postgres://" + user + hosts + database;
    }

    private static void AddIfSet(DbConnectionStringBuilder builder, string keyword, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            builder[keyword] = value;
        }
    }
}
