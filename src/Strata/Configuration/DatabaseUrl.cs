using System.Text.RegularExpressions;
using Strata.Errors;

namespace Strata.Configuration;

/// <summary>
/// Turns a database value, as a user writes it in <c>--database</c>, <c>DATABASE_URL</c> or <c>strata.json</c>, into a
/// <see cref="DatabaseTarget"/>. Called by <see cref="ConfigurationResolver"/> and by the library entry point.
/// Accepted forms:
/// <list type="bullet">
/// <item><c>postgres://user:password@host:5432/db?sslmode=require</c> (also <c>postgresql://</c>; several hosts
/// <c>h1:5432,h2:5433</c>; IPv6 <c>[::1]</c>; percent-encoded parts; libpq query parameters mapped to Npgsql keywords).</item>
/// <item>An Npgsql keyword string (<c>Host=…;Username=…</c>) or a libpq one (<c>host=… dbname=… user=…</c>).</item>
/// <item><c>sqlite:relative/app.db</c>, <c>sqlite:/abs/app.db</c>, <c>sqlite:///abs/app.db</c>, <c>sqlite://relative.db</c>,
/// <c>sqlite::memory:</c>, or a bare path ending in <c>.db</c>, <c>.sqlite</c> or <c>.sqlite3</c>.</item>
/// </list>
/// On malformed input it throws <see cref="ConfigurationException"/>; the message names the part at fault and never
/// contains the password or any part of the input that could hold it.
/// </summary>
public static partial class DatabaseUrl
{
    private const string FormsHint =
        "use postgres://user:password@host:5432/database, an Npgsql keyword string (Host=…;Database=…;Username=…), "
        + "or sqlite:path/to/app.db; percent-encode special characters in the password (@ as %40, : as %3A, / as %2F, % as %25)";

    /// <summary>
    /// Parses <paramref name="value"/>. Relative SQLite paths resolve against <paramref name="baseDirectory"/> (the
    /// working directory for command-line and environment values, the folder of <c>strata.json</c> for its values).
    /// </summary>
    public static DatabaseTarget Parse(string value, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        var text = value.Trim();
        if (text.Length == 0)
        {
            throw new ConfigurationException("the database value is empty", FormsHint);
        }

        var scheme = SchemePattern().Match(text);
        if (scheme.Success)
        {
            var name = scheme.Groups[1].Value.ToUpperInvariant();
            return name is "POSTGRES" or "POSTGRESQL"
                ? PostgresUrlParser.Parse(text)
                : name == "SQLITE"
                    ? SqliteLocation.FromUrl(text, baseDirectory)
                    : throw new ConfigurationException($"the database URL scheme '{scheme.Groups[1].Value}' is not supported", FormsHint);
        }

        if (text.StartsWith(SqliteLocation.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return SqliteLocation.FromUrl(text, baseDirectory);
        }

        if (!text.Contains('=', StringComparison.Ordinal) && SqliteLocation.HasSqliteExtension(text))
        {
            return SqliteLocation.FromPath(text, baseDirectory);
        }

        if (text.Contains('=', StringComparison.Ordinal))
        {
            return PostgresKeywordString.Parse(text);
        }

        throw new ConfigurationException("the database value is not a URL, a keyword connection string or a SQLite file path", FormsHint);
    }

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]{0,30})://")]
    private static partial Regex SchemePattern();
}
