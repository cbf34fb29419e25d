using Strata.Errors;

namespace Strata.Configuration;

/// <summary>
/// Resolves a second database named on the command line, next to the configured one (<c>strata lint --against</c>):
/// the name of an environment declared in strata.json (its <c>database</c>, with <c>${VAR}</c> expanded) or a database
/// value as <see cref="DatabaseUrl.Parse"/> accepts it. The password settles as for the configured database (the
/// value's own, else <c>PGPASSWORD</c>, else the password file). Errors are <see cref="ConfigurationException"/>s
/// naming the option and never containing the password.
/// </summary>
public static class OtherDatabase
{
    /// <summary>
    /// The database <paramref name="value"/> names; <paramref name="environmentName"/> is the environment's name
    /// when it named one, else null.
    /// </summary>
    public static DatabaseTarget Resolve(
        string value, string option, ConfigurationOverrides overrides, IReadOnlyDictionary<string, string> environment, string workingDirectory, DialectSet dialects, out string? environmentName)
    {
        ArgumentNullException.ThrowIfNull(dialects);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(overrides);
        var cwd = Path.GetFullPath(workingDirectory);
        var origins = new List<SettingOrigin>();
        var variables = new EnvironmentVariables(environment, ConfigurationResolver.ReadDotEnv(cwd, origins));
        var json = ConfigurationResolver.LoadJson(overrides.ConfigFile, cwd, origins);
        var name = value.Trim();
        DatabaseTarget target;
        if (json?.EnvironmentSection(name) is { } section)
        {
            environmentName = name;
            var where = $"{json.Path}: \"environments.{name}.database\"";
            var database = section.Database ?? throw new ConfigurationException(
                $"{option} {name}: the environment '{name}' in {json.Path} has no \"database\"",
                $"add \"database\" to \"environments.{name}\", or give {option} a database URL");
            target = Prefixed(where, () => DatabaseUrl.Parse(VariableExpander.Expand(database, variables, where), json.Directory, dialects));
        }
        else if (StrataJsonValidator.IsEnvironmentName(name) && !DatabaseUrl.IsBareDatabase(name, dialects))
        {
            var known = json?.Document.Environments is { Count: > 0 } all ? "declared environments: " + string.Join(", ", all.Keys.Order(StringComparer.Ordinal)) : "strata.json declares no environments";
            throw new ConfigurationException(
                $"{option} '{name}' is neither a database URL nor an environment declared in strata.json",
                $"{known}; or give a URL such as postgres://user@host:5432/database");
        }
        else
        {
            environmentName = null;
            target = Prefixed(option, () => DatabaseUrl.Parse(name, cwd, dialects));
        }

        return CredentialSources.Apply(target, dialects, new CredentialSources(null, variables, option, cwd, []), out _)!;
    }

    private static DatabaseTarget Prefixed(string where, Func<DatabaseTarget> parse)
    {
        try
        {
            return parse();
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException($"{where}: {e.Message}", e.Hint);
        }
    }
}
