using Strata.Errors;

namespace Strata.Sources;

/// <summary>
/// The error of an <see cref="EmbeddedMigrationSource"/> whose prefix matches no resource: names a few resources
/// the assembly does have (those named like migrations first), the prefixes those are under, and how
/// to embed files.
/// </summary>
internal static class EmbeddedResourceHint
{
    private const int Listed = 5;

    private const string HowToEmbed =
        "embed the files in the project file, e.g. <EmbeddedResource Include=\"migrations/*.sql\" LogicalName=\"migrations/%(Filename)%(Extension)\" /> "
        + "and use the prefix 'migrations/'; without LogicalName a resource is named <RootNamespace>.<folder path with dots>.<file name>, "
        + "e.g. MyApp.Migrations.001_init.sql for the prefix 'MyApp.Migrations.'";

    /// <summary>The error for <paramref name="prefix"/>, given every resource name of the assembly.</summary>
    public static ConfigurationException NoResources(string assemblyName, string prefix, IReadOnlyCollection<string> names)
    {
        var message = $"assembly '{assemblyName}' has no embedded resource whose name starts with '{prefix}'";
        if (names.Count == 0)
        {
            return new ConfigurationException(message + "; it has no embedded resources at all", HowToEmbed);
        }

        var shown = names.OrderBy(n => FileNameStart(n) < 0 ? 1 : 0).ThenBy(n => n, StringComparer.Ordinal).Take(Listed).ToList();
        var more = names.Count - shown.Count;
        message += $"; its resources are {string.Join(", ", shown)}{(more > 0 ? $" and {more} more" : "")}";
        var prefixes = MigrationPrefixes(prefix, names);
        var hint = prefixes.Count switch
        {
            0 => HowToEmbed,
            1 => $"files named like migrations are embedded under the prefix '{prefixes[0]}' (resource names are case-sensitive); pass that prefix, or {HowToEmbed}",
            _ => $"files named like migrations are embedded under the prefixes {string.Join(", ", prefixes.Select(p => $"'{p}'"))} (resource names are case-sensitive); pass one of them, or {HowToEmbed}",
        };
        return new ConfigurationException(message, hint);
    }

    /// <summary>The prefixes resources named like migrations are under, closest to <paramref name="prefix"/> first.</summary>
    private static List<string> MigrationPrefixes(string prefix, IEnumerable<string> names) => names
        .Select(n => (Name: n, Start: FileNameStart(n)))
        .Where(n => n.Start >= 0)
        .Select(n => n.Name[..n.Start])
        .Distinct(StringComparer.Ordinal)
        .OrderBy(p => EditDistance.Between(p, prefix))
        .ThenBy(p => p, StringComparer.Ordinal)
        .Take(Listed)
        .ToList();

    /// <summary>Where a valid migration file name starts in <paramref name="name"/> (after a '.', '/' or '\'), or -1.</summary>
    private static int FileNameStart(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if ((i == 0 || name[i - 1] is '.' or '/' or '\\') && MigrationFileName.TryParse(name[i..], out _, out _))
            {
                return i;
            }
        }

        return -1;
    }
}
