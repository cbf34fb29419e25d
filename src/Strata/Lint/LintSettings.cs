using System.Globalization;
using System.Text.Json;
using Strata.Errors;

namespace Strata.Lint;

/// <summary>
/// Reads strata.json's <c>lint</c> section: <c>{ "rules": { "missing-down": "off", "rename": "error" } }</c>, the style
/// pack switch <c>"style": true</c>, and the
/// table sizes <c>lint --against</c> weighs findings with: <c>"small": { "rows": 10000, "size": "10MB" }</c>,
/// <c>"large": { "rows": 1000000, "size": "1GB" }</c>. An unknown rule, severity or key is bad input naming the key and
/// the allowed values.
/// </summary>
public static class LintSettings
{
    /// <summary>The severities <paramref name="lint"/> sets (empty when it is absent); <paramref name="file"/> names the config in errors.</summary>
    public static IReadOnlyDictionary<string, LintSeverity> Severities(JsonElement? lint, string? file)
    {
        var result = new Dictionary<string, LintSeverity>(StringComparer.Ordinal);
        var where = file ?? "strata.json";
        if (lint is not { } section)
        {
            return result;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigurationException($"{where}: \"lint\" must be an object", "write \"lint\": { \"rules\": { \"missing-down\": \"off\" } }");
        }

        foreach (var property in section.EnumerateObject())
        {
            if (property.Name is "small" or "large" || (property.Name == "style" && property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False))
            {
                continue;
            }

            if (property.Name != "rules" || property.Value.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException(
                    $"{where}: unknown or malformed key \"lint.{property.Name}\"",
                    "the lint section holds \"rules\" (an object from rule id to \"error\", \"warning\", \"note\" or \"off\"), \"style\" (true turns on the style pack) and the table sizes \"small\" and \"large\" ({ \"rows\": 10000, \"size\": \"10MB\" })");
            }

            foreach (var rule in property.Value.EnumerateObject())
            {
                var known = LintRules.Find(rule.Name) ?? throw new ConfigurationException(
                    $"{where}: unknown lint rule \"lint.rules.{rule.Name}\"", "use one of: " + string.Join(", ", LintRules.All.Select(r => r.Id)));
                result[known.Id] = Parse(rule.Value, where, rule.Name);
            }
        }

        return result;
    }

    /// <summary>True when strata.json turns on the opt-in style pack: <c>"lint": { "style": true }</c> (checked by <see cref="Severities"/>).</summary>
    public static bool Style(JsonElement? lint) =>
        lint is { ValueKind: JsonValueKind.Object } section && section.TryGetProperty("style", out var style) && style.ValueKind == JsonValueKind.True;

    /// <summary>
    /// The table sizes of <c>lint.small</c> and <c>lint.large</c> (<see cref="LintThresholds.Default"/> for what is
    /// left out). Each is <c>{ "rows": n, "size": "10MB" }</c> (a size is a number of bytes or a string with kB, MB,
    /// GB or TB, powers of 1024); both keys optional. Called by <c>strata lint</c> on every run, so a typo is reported
    /// even without <c>--against</c>; a malformed value, or small not below large, is bad input naming the key.
    /// </summary>
    public static LintThresholds Thresholds(JsonElement? lint, string? file)
    {
        var where = file ?? "strata.json";
        var defaults = LintThresholds.Default;
        if (lint is not { ValueKind: JsonValueKind.Object } section)
        {
            return defaults;
        }

        var (smallRows, smallBytes) = Limit(section, "small", defaults.SmallRows, defaults.SmallBytes, where);
        var (largeRows, largeBytes) = Limit(section, "large", defaults.LargeRows, defaults.LargeBytes, where);
        if (smallRows > largeRows || smallBytes > largeBytes)
        {
            throw new ConfigurationException(
                $"{where}: \"lint.small\" ({Rows(smallRows)}, {LintThresholds.FormatBytes(smallBytes)}) must not be above \"lint.large\" ({Rows(largeRows)}, {LintThresholds.FormatBytes(largeBytes)})",
                "set both, e.g. \"small\": { \"rows\": 10000, \"size\": \"10MB\" }, \"large\": { \"rows\": 1000000, \"size\": \"1GB\" }");
        }

        return new LintThresholds(smallRows, smallBytes, largeRows, largeBytes);
    }

    private static string Rows(long rows) => rows.ToString("N0", CultureInfo.InvariantCulture) + " rows";

    private static (long Rows, long Bytes) Limit(JsonElement section, string name, long rows, long bytes, string where)
    {
        if (!section.TryGetProperty(name, out var limit))
        {
            return (rows, bytes);
        }

        const string Example = "e.g. { \"rows\": 10000, \"size\": \"10MB\" } (a size is bytes, or a string with kB, MB, GB or TB)";
        if (limit.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigurationException($"{where}: \"lint.{name}\" must be an object", Example);
        }

        foreach (var property in limit.EnumerateObject())
        {
            var key = $"lint.{name}.{property.Name}";
            (rows, bytes) = property.Name switch
            {
                "rows" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var n) && n >= 0 => (n, bytes),
                "size" when Size(property.Value) is { } b => (rows, b),
                "rows" or "size" => throw new ConfigurationException($"{where}: \"{key}\" must be {(property.Name == "rows" ? "a whole number, 0 or more" : "a size such as \"10MB\" or a number of bytes")}", Example),
                _ => throw new ConfigurationException($"{where}: unknown key \"{key}\"", "lint." + name + " holds \"rows\" and \"size\", " + Example),
            };
        }

        return (rows, bytes);
    }

    /// <summary>Bytes from a JSON number or a string such as <c>10MB</c>, <c>1.5 GB</c>, <c>512kB</c> (powers of 1024); null when malformed.</summary>
    private static long? Size(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out var n) && n >= 0 ? n : null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : "";
        (string Unit, long Factor)[] units = [("tb", 1L << 40), ("gb", 1L << 30), ("mb", 1L << 20), ("kb", 1L << 10), ("b", 1)];
        var (unit, factor) = units.FirstOrDefault(u => text.EndsWith(u.Unit, StringComparison.OrdinalIgnoreCase));
        var number = unit is null ? text : text[..^unit.Length].TrimEnd();
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount >= 0 && amount * (unit is null ? 1 : factor) <= long.MaxValue
            ? (long)(amount * (unit is null ? 1 : factor))
            : null;
    }

    private static LintSeverity Parse(JsonElement value, string where, string rule) =>
        (value.ValueKind == JsonValueKind.String ? value.GetString() : null) switch
        {
            "error" => LintSeverity.Error,
            "warning" => LintSeverity.Warning,
            "note" => LintSeverity.Note,
            "off" => LintSeverity.Off,
            _ => throw new ConfigurationException($"{where}: \"lint.rules.{rule}\" must be \"error\", \"warning\", \"note\" or \"off\"", null),
        };
}
