using Strata.Errors;

namespace Strata.Configuration;

/// <summary>Numbers from the command line or strata.json, checked against their range; used by <see cref="ConfigurationResolver"/>.</summary>
internal static class SettingValues
{
    /// <summary>The longest duration a setting in seconds accepts: one day.</summary>
    public const double MaxSeconds = 86_400;

    /// <summary>A duration in seconds from the command line or strata.json; zero means "none" (null).</summary>
    public static TimeSpan? Seconds(string? jsonPath, List<SettingOrigin> origins, string name, TimeSpan? fromCli, double? fromJson, TimeSpan? fallback)
    {
        if (fromCli is { } cli)
        {
            origins.Add(new SettingOrigin(name, "command line"));
            return cli < TimeSpan.Zero
                ? throw new ConfigurationException($"--{Kebab(name)} must be 0 or more seconds", "give a number of seconds; 0 turns it off")
                : cli == TimeSpan.Zero ? null : cli;
        }

        if (fromJson is { } seconds)
        {
            origins.Add(new SettingOrigin(name, "strata.json " + name));
            return seconds is < 0 or > MaxSeconds
                ? throw new ConfigurationException($"{jsonPath}: \"{name}\" must be between 0 and {MaxSeconds:0} seconds", "give a number of seconds; 0 turns it off")
                : seconds == 0 ? null : TimeSpan.FromSeconds(seconds);
        }

        origins.Add(new SettingOrigin(name, "default"));
        return fallback;
    }

    /// <summary>A whole number from the command line or strata.json, within [min, max].</summary>
    public static long? Whole(List<SettingOrigin> origins, string name, long? fromCli, long? fromJson, long? fallback, long min, long max)
    {
        var (value, source) = fromCli is { } cli ? (cli, "command line") : fromJson is { } json ? (json, "strata.json " + name) : ((long?)null, "default");
        origins.Add(new SettingOrigin(name, source));
        if (value is null)
        {
            return fallback;
        }

        return value < min || value > max
            ? throw new ConfigurationException($"{name} from the {source} must be between {min} and {max} (got {value})", $"fix {name}")
            : value;
    }

    /// <summary>The option spelling of a camelCase name: <c>statementTimeout</c> → <c>statement-timeout</c>.</summary>
    public static string Kebab(string camel) => string.Concat(camel.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}
