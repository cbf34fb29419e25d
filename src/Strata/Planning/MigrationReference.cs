using System.Globalization;
using Strata.Errors;

namespace Strata.Planning;

/// <summary>
/// A migration named on the command line: a version (<c>3</c>, <c>003</c>, <c>20240101120000</c>), a file stem
/// (<c>003_add_orders</c>) or a repeatable (<c>R__views</c>).
/// </summary>
/// <param name="Version">The version, or null for a repeatable.</param>
/// <param name="Name">The repeatable's name, or null for a version.</param>
public sealed record MigrationReference(long? Version, string? Name)
{
    /// <summary>Parses <paramref name="text"/>; throws a bad-input error naming it when it is neither form.</summary>
    public static MigrationReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.StartsWith("R__", StringComparison.Ordinal) && t.Length > 3)
        {
            return new MigrationReference(null, t[3..].Replace(".sql", "", StringComparison.Ordinal));
        }

        var digits = t.TakeWhile(char.IsAsciiDigit).Count();
        if (digits is > 0 and <= 18 && (digits == t.Length || t[digits] == '_')
            && long.TryParse(t.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return new MigrationReference(version, null);
        }

        throw new StrataException(
            ErrorCategory.BadInput,
            $"'{text}' does not name a migration",
            "give a version (3, 20240101120000), a file name without .sql (003_add_orders) or a repeatable (R__views)");
    }

    /// <summary>True when <paramref name="entry"/> is the migration this names.</summary>
    public bool Matches(MigrationStatusEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Version is { } v ? entry.Version == v : entry.IsRepeatable && entry.Name == Name;
    }

    /// <inheritdoc />
    public override string ToString() => Version?.ToString(CultureInfo.InvariantCulture) ?? "R__" + Name;
}
