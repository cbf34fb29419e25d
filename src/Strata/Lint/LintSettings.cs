using System.Text.Json;
using Strata.Errors;

namespace Strata.Lint;

/// <summary>
/// Reads strata.json's <c>lint</c> section: <c>{ "rules": { "missing-down": "off", "rename": "error" } }</c>. An
/// unknown rule or severity is bad input naming the key and the allowed values.
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
            if (property.Name != "rules" || property.Value.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException($"{where}: unknown or malformed key \"lint.{property.Name}\"", "the lint section holds \"rules\": an object from rule id to \"error\", \"warning\", \"note\" or \"off\"");
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
