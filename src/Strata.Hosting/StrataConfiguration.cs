using System.Globalization;
using Microsoft.Extensions.Configuration;
using Strata.Errors;

namespace Strata.Hosting;

/// <summary>
/// Reads the scalar settings of the <c>Strata</c> configuration section (appsettings.json, environment variables such
/// as <c>Strata__UnavailablePolicy</c>, command-line) onto <see cref="StrataOptions"/> without reflection, so it stays
/// trimming-safe. A value it cannot read is a <see cref="ConfigurationException"/> naming the key and the values allowed.
/// </summary>
internal static class StrataConfiguration
{
    public static void Apply(IConfiguration section, StrataOptions options)
    {
        var path = section is IConfigurationSection named ? named.Path : "Strata";
        if (Value(section, "MigrateOnStartup") is { } migrate)
        {
            options.MigrateOnStartup = bool.TryParse(migrate, out var on)
                ? on
                : throw Invalid(path, "MigrateOnStartup", "true or false");
        }

        if (Value(section, "UnavailablePolicy") is { } policy)
        {
            options.UnavailablePolicy = Enum.TryParse<UnavailablePolicy>(policy, ignoreCase: true, out var parsed)
                && Enum.IsDefined(parsed) && !char.IsAsciiDigit(policy[0])
                ? parsed
                : throw Invalid(path, "UnavailablePolicy", "FailStartup or WarnAndContinue");
        }

        if (Value(section, "LockTimeout") is { } timeout)
        {
            options.LockTimeout = Duration(timeout) ?? throw Invalid(path, "LockTimeout", "seconds (60) or a time span (00:01:00), not negative");
        }

        if (Value(section, "HealthCacheDuration") is { } cache)
        {
            options.HealthCacheDuration = Duration(cache) ?? throw Invalid(path, "HealthCacheDuration", "seconds (5) or a time span (00:00:05), not negative");
        }

        if (Value(section, "Environment") is { } environment)
        {
            options.Environment = environment;
        }
    }

    private static string? Value(IConfiguration section, string key) =>
        section[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static TimeSpan? Duration(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= int.MaxValue)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero ? span : null;
    }

    private static ConfigurationException Invalid(string path, string key, string allowed) =>
        new($"the configuration value {path}:{key} is not valid", $"set it to {allowed} (as an environment variable: {path.Replace(":", "__", StringComparison.Ordinal)}__{key})");
}
