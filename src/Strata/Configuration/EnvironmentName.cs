using Strata.Errors;

namespace Strata.Configuration;

/// <summary>
/// The environment's name and where it came from: <c>--env</c>, then <c>STRATA_ENV</c>, then
/// <c>DOTNET_ENVIRONMENT</c>/<c>ASPNETCORE_ENVIRONMENT</c>, then <c>NODE_ENV</c> (each in the process environment before
/// <c>.env</c>), then strata.json's <c>environment</c>, then <c>development</c>. Part of <see cref="ConfigurationResolver"/>.
/// </summary>
internal static class EnvironmentName
{
    /// <summary>The environment variables that name the environment, in order; names in one group are one level.</summary>
    private static readonly string[][] EnvironmentVariableGroups = [["STRATA_ENV"], ["DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT"], ["NODE_ENV"]];

    /// <summary>
    /// The environment's name, and whether it was set explicitly: by <c>--env</c> or a variable. strata.json's
    /// <c>environment</c> and the built-in <c>development</c> are defaults: they pick a section of strata.json, but
    /// <c>-- strata:env</c> migrations run only in an environment someone set.
    /// </summary>
    public static (string Name, bool Explicit) Resolve(
        ConfigurationOverrides overrides, EnvironmentVariables variables, StrataJsonFile? json, List<SettingOrigin> origins)
    {
        var declared = json?.Document.Environments;
        var (name, source, isExplicit) = overrides.Environment is { } fromCli ? (fromCli.Trim(), "--env", true)
            : EnvironmentFromVariables(variables, declared) is { } fromVariable ? (fromVariable.Name, fromVariable.Source, true)
            : json?.Document.Environment is { } fromJson ? (fromJson.Trim(), "strata.json environment", false)
            : (StrataSettings.DefaultEnvironment, "default", false);
        origins.Add(new SettingOrigin("environment", isExplicit ? source : source + " (not set explicitly: -- strata:env migrations are skipped)"));
        if (!StrataJsonValidator.IsEnvironmentName(name))
        {
            throw new ConfigurationException(
                $"the environment name from {source} is not a name",
                "use letters, digits, '-', '_' or '.', e.g. --env production");
        }

        if (declared is not null && source != "default" && !declared.ContainsKey(name))
        {
            var known = declared.Count == 0 ? "none are declared" : "known environments: " + string.Join(", ", declared.Keys.Order(StringComparer.Ordinal));
            throw new ConfigurationException(
                $"the environment '{name}' (from {source}) is not declared in {json!.Path}",
                $"{known}; choose one with --env or STRATA_ENV, or add \"{name}\" under \"environments\"");
        }

        return (name, isExplicit);
    }

    /// <summary>
    /// The first environment variable that names the environment, the process environment before <c>.env</c>. The .NET
    /// and Node conventions (<c>Production</c>) are compared without case: a declared environment's spelling wins,
    /// else lower case. Two variables of one level that disagree are an error naming both.
    /// </summary>
    private static (string Name, string Source)? EnvironmentFromVariables(EnvironmentVariables variables, IReadOnlyDictionary<string, StrataJsonEnvironment>? declared)
    {
        foreach (var layer in EnvironmentVariables.Layers)
        {
            foreach (var group in EnvironmentVariableGroups)
            {
                var set = group.Where(n => variables.TryGetIn(layer, n, out _)).Select(n => (Variable: n, Value: Value(n, layer).Trim())).ToList();
                if (set.Count == 0)
                {
                    continue;
                }

                if (set.Count > 1 && !string.Equals(set[0].Value, set[1].Value, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ConfigurationException(
                        $"{set[0].Variable} and {set[1].Variable} ({layer}) name different environments ('{set[0].Value}' and '{set[1].Value}'); Strata will not pick one",
                        "set them alike, unset one, or choose with --env or STRATA_ENV");
                }

                var name = group[0] == "STRATA_ENV" ? set[0].Value
                    : declared?.Keys.FirstOrDefault(k => k.Equals(set[0].Value, StringComparison.OrdinalIgnoreCase)) ?? set[0].Value.ToLowerInvariant();
                return (name, $"{string.Join(", ", set.Select(v => v.Variable))} ({layer})");
            }
        }

        return null;

        string Value(string variable, string layer) => variables.TryGetIn(layer, variable, out var value) ? value : "";
    }
}
