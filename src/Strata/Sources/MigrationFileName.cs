using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Strata.Sources;

/// <summary>
/// A parsed migration file name: <c>&lt;version&gt;_&lt;slug&gt;.sql</c>, <c>&lt;version&gt;_&lt;slug&gt;.up.sql</c>,
/// <c>&lt;version&gt;_&lt;slug&gt;.down.sql</c> or <c>R__&lt;slug&gt;.sql</c>. The version is 1 to 18 digits, the slug
/// <c>[A-Za-z0-9_]+</c> starting with a letter or digit.
/// <para>
/// Candidate rule: a name is a migration candidate, and must then be a valid migration name, when it contains
/// <c>.sql</c> in any letter case (so <c>3_x.SQL</c> and <c>4_x.sql.bak</c> are errors), or when it starts with an
/// optional <c>V</c>/<c>v</c>/<c>R</c>/<c>r</c>, digits and an underscore, or with <c>R__</c>/<c>r__</c>. Hidden
/// names (starting with <c>.</c>, such as <c>.gitkeep</c> or an editor's swap file) and every other name
/// (<c>README.md</c>, <c>meta/</c>) are not candidates and are ignored.
/// </para>
/// </summary>
public sealed class MigrationFileName
{
    private const int MaxVersionDigits = 18;

    private static readonly SearchValues<char> SlugChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private MigrationFileName(string fileName, MigrationKind kind, long? version, string versionText, string slug, MigrationFilePart part)
    {
        FileName = fileName;
        Kind = kind;
        Version = version;
        VersionText = versionText;
        Slug = slug;
        Part = part;
    }

    /// <summary>The file name as found (no folder).</summary>
    public string FileName { get; }

    /// <summary>Versioned or repeatable.</summary>
    public MigrationKind Kind { get; }

    /// <summary>The numeric version; null for repeatables.</summary>
    public long? Version { get; }

    /// <summary>The version digits as written (<c>001</c>); empty for repeatables.</summary>
    public string VersionText { get; }

    /// <summary>The slug: <c>initial_schema</c> in <c>001_initial_schema.up.sql</c>.</summary>
    public string Slug { get; }

    /// <summary>Whole migration, up file or down file.</summary>
    public MigrationFilePart Part { get; }

    /// <summary>True when <paramref name="name"/> (a file or folder name) looks like a migration (see the class summary).</summary>
    public static bool IsCandidate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name[0] == '.')
        {
            return false;
        }

        if (name.Contains(".sql", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var i = name[0] is 'V' or 'v' or 'R' or 'r' ? 1 : 0;
        if (i == 1 && name.AsSpan(1).StartsWith("__"))
        {
            return name[0] is 'R' or 'r';
        }

        var digits = CountDigits(name, i);
        return digits > 0 && i + digits < name.Length && name[i + digits] == '_';
    }

    /// <summary>
    /// Parses <paramref name="fileName"/>. True with <paramref name="name"/> for a valid migration name; false with
    /// <paramref name="problem"/> (what is wrong and the fix) for a candidate that is misnamed; false with both null
    /// for a file that is not a migration candidate and is ignored. Called by the SQL file sources (folder and embedded resources) for each file.
    /// </summary>
    public static bool TryParse(string fileName, [NotNullWhen(true)] out MigrationFileName? name, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        name = null;
        problem = null;
        if (!IsCandidate(fileName))
        {
            return false;
        }

        problem = ExtensionProblem(fileName);
        if (problem is not null)
        {
            return false;
        }

        var stem = fileName[..^4];
        var part = PartOf(ref stem, out problem);
        if (problem is null)
        {
            name = stem.StartsWith("R__", StringComparison.Ordinal)
                ? Repeatable(fileName, stem, part, out problem)
                : Versioned(fileName, stem, part, out problem);
        }

        return name is not null;
    }

    /// <inheritdoc />
    public override string ToString() => FileName;

    private static string? ExtensionProblem(string fileName)
    {
        if (fileName.EndsWith(".sql", StringComparison.Ordinal))
        {
            return null;
        }

        if (fileName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
        {
            return $"the extension is not lower-case; rename it to {fileName[..^4]}.sql";
        }

        if (Path.GetExtension(fileName).ToLowerInvariant() is ".js" or ".cjs" or ".mjs" or ".ts" or ".cts" or ".mts")
        {
            // Moved first: strata adopt reads the folder too, and refuses while this file is in it.
            return "is a JavaScript/TypeScript migration (Knex, node-pg-migrate), which Strata does not run; move it into a subfolder "
                + "(folders are ignored, e.g. migrations/knex/), then `strata adopt` records what that tool applied; write new migrations as .sql files (docs/switching.md)";
        }

        var sql = fileName.LastIndexOf(".sql", StringComparison.OrdinalIgnoreCase);
        return sql >= 0
            ? $"only names ending in .sql are migrations, and this one ends in '{fileName[(sql + 4)..]}' (a backup or editor copy?); delete it or move it out of the migrations folder"
            : "looks like a migration but does not end in .sql; rename it (e.g. 001_create_users.sql) or move it out of the migrations folder";
    }

    private static MigrationFilePart PartOf(ref string stem, out string? problem)
    {
        problem = null;
        foreach (var (suffix, part) in new[] { (".up", MigrationFilePart.Up), (".down", MigrationFilePart.Down) })
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal))
            {
                stem = stem[..^suffix.Length];
                return part;
            }

            if (stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                problem = $"write '{suffix}.sql' in lower case: {stem[..^suffix.Length]}{suffix}.sql";
            }
        }

        return MigrationFilePart.Single;
    }

    private static MigrationFileName? Repeatable(string fileName, string stem, MigrationFilePart part, out string? problem)
    {
        var slug = stem[3..];
        problem = part != MigrationFilePart.Single
            ? $"a repeatable migration is one file without a down script; rename it to R__{slug}.sql"
            : SlugProblem(slug, "R__", ".sql");
        return problem is null ? new MigrationFileName(fileName, MigrationKind.Repeatable, null, "", slug, part) : null;
    }

    private static MigrationFileName? Versioned(string fileName, string stem, MigrationFilePart part, out string? problem)
    {
        var extension = fileName[stem.Length..];
        var digits = CountDigits(stem, 0);
        problem = digits == 0 ? MissingVersion(stem, extension)
            : digits > MaxVersionDigits ? $"the version {stem[..digits]} has {digits} digits; Strata allows at most {MaxVersionDigits} (sequential such as 001, or a UTC timestamp such as 20240101120000)"
            : digits == stem.Length || stem[digits] != '_' ? $"the version must be followed by an underscore and a slug; rename it to {stem[..digits]}_<slug>{extension}"
            : SlugProblem(stem[(digits + 1)..], stem[..digits] + "_", extension);
        if (problem is not null)
        {
            return null;
        }

        var versionText = stem[..digits];
        var version = long.Parse(versionText, NumberStyles.None, CultureInfo.InvariantCulture);
        return new MigrationFileName(fileName, MigrationKind.Versioned, version, versionText, stem[(digits + 1)..], part);
    }

    private static string MissingVersion(string stem, string extension)
    {
        if (stem.StartsWith("r__", StringComparison.Ordinal))
        {
            return $"repeatable migrations start with an upper-case R; rename it to R__{stem[3..]}{extension}";
        }

        if (stem.Length > 1 && stem[0] is 'V' or 'v' && char.IsAsciiDigit(stem[1]))
        {
            var digits = CountDigits(stem, 1);
            // authelia's V0001.Initial_Schema.up.sql: the suggestion must itself be a valid name (not 0001_.Initial_Schema).
            var slug = stem[(1 + digits)..].TrimStart('_', '.', '-');
            return $"Flyway-style name; Strata expects {stem.Substring(1, digits)}_{(slug.Length > 0 ? Sanitize(slug) : "<slug>")}{extension} (no V prefix, one underscore)";
        }

        return $"has no version; start the name with one, e.g. 001_{Sanitize(stem)}{extension} or a UTC timestamp such as 20240101120000_{Sanitize(stem)}{extension}";
    }

    private static string? SlugProblem(string slug, string prefix, string extension)
    {
        if (slug.Length == 0)
        {
            var example = prefix == "R__" ? "refresh_views" : "create_users";
            return $"the slug is missing; rename it to {prefix}<slug>{extension}, e.g. {prefix}{example}{extension}";
        }

        if (slug[0] == '_')
        {
            var trimmed = slug.TrimStart('_');
            return $"too many underscores before the slug; Strata expects {prefix}{(trimmed.Length > 0 ? trimmed : "<slug>")}{extension}";
        }

        return slug.AsSpan().ContainsAnyExcept(SlugChars)
            ? $"the slug '{slug}' may contain only letters, digits and underscores; rename it to {prefix}{Sanitize(slug)}{extension}"
            : null;
    }

    private static string Sanitize(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        var result = new string(chars).Trim('_');
        return result.Length > 0 ? result : "slug";
    }

    private static int CountDigits(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }
}
