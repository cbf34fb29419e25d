using System.Text;
using System.Text.RegularExpressions;
using Strata.Errors;

namespace Strata.Configuration;

/// <summary>
/// Turns a database value, as a user writes it in <c>--database</c>, <c>DATABASE_URL</c> or <c>strata.json</c>, into a
/// <see cref="DatabaseTarget"/>, by handing it to the dialect of a <see cref="DialectSet"/> that claims it (each
/// dialect's <see cref="IConnectionSyntax"/>). Called by <see cref="ConfigurationResolver"/> and by the library entry
/// point. With the PostgreSQL and SQLite dialects the accepted forms are:
/// <list type="bullet">
/// <item><c>postgres://user:password@host:5432/db?sslmode=require</c> (also <c>postgresql://</c>; several hosts
/// <c>h1:5432,h2:5433</c>; IPv6 <c>[::1]</c>; percent-encoded parts; libpq query parameters mapped to Npgsql keywords).</item>
/// <item>An Npgsql keyword string (<c>Host=…;Username=…</c>) or a libpq one (<c>host=… dbname=… user=…</c>).</item>
/// <item><c>sqlite:relative/app.db</c>, <c>sqlite:/abs/app.db</c>, <c>sqlite:///abs/app.db</c>, <c>sqlite://relative.db</c>,
/// <c>sqlite::memory:</c>, or a bare path ending in <c>.db</c>, <c>.sqlite</c> or <c>.sqlite3</c>.</item>
/// </list>
/// On malformed input it throws <see cref="ConfigurationException"/>; the message names the part at fault and never
/// contains the password or any part of the input that could hold it. A <c>scheme://</c> no dialect claims is refused
/// with a hint listing the forms of the dialects in the set.
/// </summary>
public static partial class DatabaseUrl
{
    /// <summary>
    /// Parses <paramref name="value"/> with the dialects of <paramref name="dialects"/>. Relative SQLite paths resolve
    /// against <paramref name="baseDirectory"/> (the working directory for command-line and environment values, the
    /// folder of <c>strata.json</c> for its values).
    /// </summary>
    public static DatabaseTarget Parse(string value, string baseDirectory, DialectSet dialects)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(dialects);
        var text = value.Trim();
        if (text.Length == 0)
        {
            throw new ConfigurationException("the database value is empty", FormsHint(dialects));
        }

        var syntaxes = dialects.Syntaxes;
        var claimed = syntaxes.FirstOrDefault(s => s.Forms.Prefixes.Any(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
        if (claimed is not null)
        {
            return claimed.Parse(text, baseDirectory);
        }

        var scheme = SchemePattern().Match(text);
        if (scheme.Success && OwnerOf(scheme.Groups[1].Value) is { } absent && !dialects.Dialects.Contains(absent))
        {
            throw new ConfigurationException(
                $"a {scheme.Groups[1].Value.ToLowerInvariant()}:// URL is a {absent.ToName()} database, but this program has no {absent.ToName()} dialect",
                $"reference the Strata.{absent} package and add {absent}Dialect.Factory to the DialectSet");
        }

        if (scheme.Success)
        {
            throw new ConfigurationException($"the database URL scheme '{scheme.Groups[1].Value}' is not supported", FormsHint(dialects));
        }

        return syntaxes.FirstOrDefault(s => s.Claims(text)) is { } bare
            ? bare.Parse(text, baseDirectory)
            : throw new ConfigurationException($"the database value is not {Join(["a URL", .. syntaxes.Select(s => s.Forms.BareForm)], " or")}", FormsHint(dialects));
    }

    /// <summary>
    /// The dialect whose package claims <paramref name="scheme"/>, for the message when that package is not in the set
    /// (a program built with SQLite alone given a <c>postgres://</c> URL); null for a scheme no Strata dialect claims.
    /// </summary>
    private static Dialect? OwnerOf(string scheme) => scheme.ToUpperInvariant() switch
    {
        "POSTGRES" or "POSTGRESQL" => Dialect.PostgreSql,
        "SQLITE" => Dialect.Sqlite,
        _ => null,
    };

    /// <summary>True when a dialect of <paramref name="dialects"/> claims <paramref name="value"/> without a URL scheme (a <c>.db</c> path, a keyword string).</summary>
    internal static bool IsBareDatabase(string value, DialectSet dialects) => dialects.Syntaxes.Any(s => s.Claims(value));

    /// <summary>"use postgres://…, an Npgsql keyword string (…), or sqlite:path/to/app.db; percent-encode …": the forms of the set's dialects.</summary>
    private static string FormsHint(DialectSet dialects)
    {
        var syntaxes = dialects.Syntaxes;
        var hint = new StringBuilder("use ").Append(Join([.. syntaxes.SelectMany(s => s.Forms.Examples)], ", or"));
        foreach (var advice in syntaxes.Select(s => s.Forms.Advice).OfType<string>())
        {
            hint.Append("; ").Append(advice);
        }

        return hint.ToString();
    }

    /// <summary>The items joined by ", " with <paramref name="last"/> (" or", ", or") and a space before the last one.</summary>
    private static string Join(IReadOnlyList<string> items, string last) =>
        items.Count < 2 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + last + " " + items[^1];

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]{0,30})://")]
    private static partial Regex SchemePattern();
}
