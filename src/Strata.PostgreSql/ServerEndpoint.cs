using System.Globalization;
using Npgsql;

namespace Strata.PostgreSql;

/// <summary>Where a connection string points, for messages: host, port, database, user, and the password to redact.</summary>
internal sealed class ServerEndpoint
{
    private readonly string? _password;

    public ServerEndpoint(NpgsqlConnectionStringBuilder builder)
    {
        Host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        Port = builder.Port;
        User = string.IsNullOrEmpty(builder.Username) ? Environment.UserName : builder.Username;
        Database = string.IsNullOrEmpty(builder.Database) ? User : builder.Database;
        _password = string.IsNullOrEmpty(builder.Password) ? null : builder.Password;
        SslMode = builder.SslMode;
    }

    /// <summary>The configured TLS mode, to explain a failed handshake.</summary>
    public SslMode SslMode { get; }

    public string Host { get; }

    public int Port { get; }

    public string Database { get; }

    public string User { get; }

    /// <summary><c>postgres://user@host:port/database</c>, never with the password.</summary>
    public string DisplayName =>
        $"postgres://{Uri.EscapeDataString(User)}@{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(Database)}";

    /// <summary>The server and login named in words, for error messages.</summary>
    public string Describe() =>
        $"PostgreSQL at {Host}:{Port.ToString(CultureInfo.InvariantCulture)} (database '{Database}', user '{User}')";

    /// <summary>
    /// The text with the password masked as the CLI's redaction layer masks it (a short one only where it stands as a
    /// token, so a user equal to it is masked but not the words around it); a last guard, as driver messages never hold it.
    /// </summary>
    public string Redact(string text)
    {
        if (_password is null)
        {
            return text;
        }

        var redactor = new Strata.Configuration.Redactor();
        redactor.Add(_password);
        return redactor.Redact(text);
    }

    /// <summary>True when the text (e.g. an exception's <c>ToString()</c>) holds the password.</summary>
    public bool Leaks(string text) =>
        _password is { Length: > 0 } password && text.Contains(password, StringComparison.Ordinal);
}
