using System.Globalization;
using System.Text;
using Npgsql;

namespace Strata.PostgreSql.Backups;

/// <summary>
/// An Npgsql connection string as libpq programs (pg_dump, pg_restore) take it: a <c>--dbname</c> conninfo string
/// without the password, and the password in <c>PGPASSWORD</c> of the child's environment only, so it never appears in
/// a process list, a log or an error.
/// </summary>
internal static class Libpq
{
    /// <summary>The conninfo for <paramref name="builder"/> pointed at <paramref name="database"/>; never holds the password.</summary>
    public static string ConnInfo(NpgsqlConnectionStringBuilder builder, string database)
    {
        var text = new StringBuilder();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append(text.Length == 0 ? "" : " ").Append(key).Append("='")
                    .Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
            }
        }

        Add("host", builder.Host);
        Add("port", builder.Port.ToString(CultureInfo.InvariantCulture));
        Add("user", builder.Username);
        Add("dbname", database);
        Add("sslmode", SslMode(builder.SslMode));
        Add("sslrootcert", builder.RootCertificate);
        Add("sslcert", builder.SslCertificate);
        Add("sslkey", builder.SslKey);
        Add("connect_timeout", builder.Timeout > 0 ? builder.Timeout.ToString(CultureInfo.InvariantCulture) : null);
        Add("options", builder.Options);
        Add("application_name", "strata");
        return text.ToString();
    }

    /// <summary>The variables the child gets besides the inherited ones: the password and password file, when configured.</summary>
    public static IEnumerable<(string Name, string Value)> Environment(NpgsqlConnectionStringBuilder builder)
    {
        if (!string.IsNullOrEmpty(builder.Password))
        {
            yield return ("PGPASSWORD", builder.Password);
        }

        if (!string.IsNullOrEmpty(builder.Passfile))
        {
            yield return ("PGPASSFILE", builder.Passfile);
        }
    }

    private static string? SslMode(Npgsql.SslMode mode) => mode switch
    {
        Npgsql.SslMode.Disable => "disable",
        Npgsql.SslMode.Allow => "allow",
        Npgsql.SslMode.Prefer => "prefer",
        Npgsql.SslMode.Require => "require",
        Npgsql.SslMode.VerifyCA => "verify-ca",
        Npgsql.SslMode.VerifyFull => "verify-full",
        _ => null,
    };
}
