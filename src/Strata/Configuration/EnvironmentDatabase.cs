using Strata.Errors;

namespace Strata.Configuration;

/// <summary>
/// Finds the database in environment variables, one layer at a time: the process environment first, and
/// <c>.env</c> only when the process environment names no database. Within a layer the database variables are
/// <c>DATABASE_URL</c>, then each dialect's sets (<see cref="IConnectionSyntax.EnvironmentSources"/>): with PostgreSQL
/// and SQLite, the <c>POSTGRES_*</c> set (when <c>POSTGRES_HOST</c> or <c>POSTGRES_DB</c> is set); libpq's
/// <c>PG*</c> set (when <c>PGHOST</c> or <c>PGDATABASE</c> is set; <c>PGSSLMODE</c>, <c>PGAPPNAME</c>,
/// <c>PGCONNECT_TIMEOUT</c> and <c>PGPASSFILE</c> pass through); <c>DB_PATH</c> (a SQLite file). When one layer
/// names the database twice (<c>DB_PATH</c> and <c>PGHOST</c>) the two must agree, or it is a
/// <see cref="ConfigurationException"/> naming both: Strata never picks one silently. The other members of a set
/// (<c>PGPORT</c>, <c>POSTGRES_PASSWORD</c>, …) are read from either layer, the process environment first. Errors are
/// prefixed with the variable and layer they came from.
/// </summary>
internal static class EnvironmentDatabase
{
    /// <summary>
    /// The database from the variables, or null; <paramref name="origin"/> names the variables used (and any that
    /// a higher layer shadows, for <c>--verbose</c>).
    /// </summary>
    public static DatabaseTarget? Resolve(EnvironmentVariables variables, string workingDirectory, DialectSet dialects, out string origin)
    {
        // The ways a layer can name the database, in the order an agreeing pair is reported.
        EnvironmentSource[] sources =
        [
            new("DATABASE_URL", ["DATABASE_URL"], [], (v, layer, cwd) => DatabaseUrl.Parse(Value(v, layer, "DATABASE_URL"), cwd, dialects)),
            .. dialects.Syntaxes.SelectMany(s => s.EnvironmentSources),
        ];
        foreach (var layer in EnvironmentVariables.Layers)
        {
            var found = sources
                .Where(s => s.Markers.Any(m => variables.TryGetIn(layer, m, out _)))
                .Select(s => (Origin: $"{s.Name} ({layer})", Target: Attributed($"{s.Name} ({layer})", () => s.Build(variables, layer, workingDirectory))))
                .ToList();
            if (found.Count == 0)
            {
                continue;
            }

            var (first, target) = found[0];
            foreach (var (other, otherTarget) in found.Skip(1))
            {
                if (!dialects.SameDatabase(target, otherTarget))
                {
                    var (a, b) = (Named(sources, variables, first, layer), Named(sources, variables, other, layer));
                    throw new ConfigurationException(
                        $"{a} and {b} are both set ({layer}) and name different databases: {target.DisplayName} and {otherTarget.DisplayName}; Strata will not pick one",
                        $"unset {a} or {b}, whichever you do not mean, or pass --database; the order is --database, environment variables, .env, strata.json (docs/configuration.md)");
                }
            }

            var chosen = sources.First(s => first.StartsWith(s.Name + " (", StringComparison.Ordinal));
            origin = Describe(variables, chosen, layer) + string.Concat(found.Skip(1).Select(f => $", agreeing with {f.Origin}")) + Shadowed(sources, variables, layer, chosen);
            return target;
        }

        origin = "";
        return null;
    }

    /// <summary>The variables of <paramref name="origin"/>'s source that are set in <paramref name="layer"/> and make it name a database: "PGHOST", "DB_PATH".</summary>
    private static string Named(EnvironmentSource[] sources, EnvironmentVariables variables, string origin, string layer)
    {
        var source = sources.First(s => origin.StartsWith(s.Name + " (", StringComparison.Ordinal));
        return string.Join(" and ", source.Markers.Where(m => variables.TryGetIn(layer, m, out _)));
    }

    /// <summary>
    /// "; shadows DATABASE_URL (.env)" when a lower layer names the database another way, else "". The chosen set's
    /// own variables in a lower layer are not shadowed: they fill in its parts.
    /// </summary>
    private static string Shadowed(EnvironmentSource[] sources, EnvironmentVariables variables, string chosenLayer, EnvironmentSource chosen)
    {
        var lower = EnvironmentVariables.Layers.SkipWhile(l => l != chosenLayer).Skip(1)
            .SelectMany(layer => sources.Where(s => (!ReferenceEquals(s, chosen) || s.Members.Count == 0) && s.Markers.Any(m => variables.TryGetIn(layer, m, out _))).Select(s => $"{s.Name} ({layer})"))
            .ToList();
        return lower.Count == 0 ? "" : $"; shadows {string.Join(", ", lower)}";
    }

    /// <summary>"DATABASE_URL (environment)", or for a set every layer its variables came from: "POSTGRES_* variables (environment, .env)".</summary>
    private static string Describe(EnvironmentVariables variables, EnvironmentSource source, string layer)
    {
        var layers = source.Members.Count == 0
            ? [layer]
            : EnvironmentVariables.Layers.Where(l => source.Markers.Concat(source.Members).Any(n => variables.TryGetIn(l, n, out _) && (l == layer || !variables.TryGetIn(layer, n, out _)))).ToList();
        return $"{source.Name} ({string.Join(", ", layers)})";
    }

    private static string Value(EnvironmentVariables variables, string layer, string name) =>
        variables.TryGetIn(layer, name, out var value) ? value : "";

    private static DatabaseTarget Attributed(string origin, Func<DatabaseTarget> parse)
    {
        try
        {
            return parse();
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException($"{origin}: {e.Message}", e.Hint);
        }
    }
}
