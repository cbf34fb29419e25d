using System.Data.Common;
using System.Globalization;
using Strata.Configuration;

namespace Strata.PostgreSql.Connection;

/// <summary>
/// Settles the password of a resolved PostgreSQL database (G9, R22), highest first:
/// <list type="number">
/// <item><c>--password-file</c>: replaces any password the database setting carries.</item>
/// <item>The password inside the chosen database setting: <c>--database</c> (warned about), <c>DATABASE_URL</c>,
/// <c>POSTGRES_PASSWORD</c> with the <c>POSTGRES_*</c> set, <c>PGPASSWORD</c> with the <c>PG*</c> set, strata.json.</item>
/// <item><c>PGPASSWORD</c> (environment over <c>.env</c>) when that setting has none, as libpq does.</item>
/// <item>Otherwise none: Npgsql looks in the password file (<c>passfile=</c>, else <c>PGPASSFILE</c>, passed on
/// from the environment or <c>.env</c>, else <c>~/.pgpass</c>) when the server asks for one.</item>
/// </list>
/// Every value is used verbatim (<c>$</c> and <c>${x}</c> are not expanded). Called by the resolver once per run;
/// the origin it reports names sources, never values. SQLite refuses a password file (its own <c>ConnectionSyntax</c>).
/// </summary>
internal static class PostgresCredentials
{
    /// <summary>The target with its password settled; <paramref name="origin"/> says where it came from.</summary>
    public static DatabaseTarget Apply(DatabaseTarget target, CredentialSources sources, out string origin)
    {
        if (sources.PasswordFile is { } passwordFile)
        {
            origin = "--password-file " + Path.GetFullPath(Path.Combine(sources.WorkingDirectory, passwordFile));
            return WithKeyword(target, "Password", sources.ReadPasswordFile(), password: true);
        }

        if (target.Password is not null)
        {
            origin = "the database setting (" + sources.DatabaseOrigin + ")";
            return target;
        }

        if (sources.Variables.TryGet("PGPASSWORD", out var fromVariable, out var layer))
        {
            origin = $"PGPASSWORD ({layer}), as the database setting has none";
            return WithKeyword(target, "Password", fromVariable, password: true);
        }

        return WithPassfile(target, sources.Variables, out origin);
    }

    private static DatabaseTarget WithPassfile(DatabaseTarget target, EnvironmentVariables variables, out string origin)
    {
        if (Keyword(target, "Passfile") is not null)
        {
            origin = "none given: Npgsql reads the passfile named in the database setting";
            return target;
        }

        if (variables.TryGet("PGPASSFILE", out var path, out var layer))
        {
            origin = $"none given: Npgsql reads the password file of PGPASSFILE ({layer})";
            return WithKeyword(target, "Passfile", path, password: false);
        }

        origin = "none given: Npgsql reads ~/.pgpass (%APPDATA%\\postgresql\\pgpass.conf on Windows) if the server asks for one";
        return target;
    }

    private static string? Keyword(DatabaseTarget target, string keyword)
    {
        var keywords = new DbConnectionStringBuilder { ConnectionString = target.ConnectionString };
        return keywords.TryGetValue(keyword, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
    }

    private static DatabaseTarget WithKeyword(DatabaseTarget target, string keyword, string value, bool password)
    {
        var keywords = new DbConnectionStringBuilder { ConnectionString = target.ConnectionString };
        keywords[keyword] = value;
        return new DatabaseTarget(target.Dialect, keywords.ConnectionString, target.DisplayName, password ? value : target.Password);
    }
}
